package dev.lockstep.runtime.hardware;

import java.util.List;

/**
 * NVIDIA GPUs as nvidia-smi reports them.
 *
 * @param models one name per GPU, in nvidia-smi's index order
 * @param cudaVersion the highest CUDA version the driver supports (nvidia-smi's header); null
 *     when it does not say
 */
public record GpuInfo(int count, List<String> models, String driverVersion, String cudaVersion) {
  public GpuInfo {
    models = List.copyOf(models);
  }
}
