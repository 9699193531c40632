package dev.lockstep.runtime.hardware;

/** What this machine has. {@code gpu} is null when there is no NVIDIA GPU (or no nvidia-smi). */
public record MachineHardware(CpuInfo cpu, GpuInfo gpu) {

  public int gpuCount() {
    return gpu == null ? 0 : gpu.count();
  }
}
