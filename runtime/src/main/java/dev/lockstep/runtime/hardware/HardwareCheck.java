package dev.lockstep.runtime.hardware;

import dev.lockstep.jobformat.HardwareSpec;
import java.util.List;

/**
 * Compares the hardware a job declares with the machine. A mismatch matters because GPU and
 * CPU kernels (and GPU models) give different floating-point results; a job declared for CPU
 * on a machine with a GPU may pick the GPU up through "cuda if available" code.
 */
public final class HardwareCheck {

  private HardwareCheck() {}

  /** One sentence per mismatch; empty when the machine fits the declaration. */
  public static List<String> mismatches(HardwareSpec declared, MachineHardware machine) {
    int gpus = machine.gpuCount();
    String have = gpus == 0 ? "no NVIDIA GPU" : gpus + " NVIDIA GPU" + (gpus == 1 ? "" : "s") + " (" + String.join(", ", machine.gpu().models()) + ")";
    if (declared.accelerator() == HardwareSpec.Accelerator.CPU) {
      return gpus == 0 ? List.of()
          : List.of("lockstep.yaml declares hardware cpu, but this machine has " + have + "; code that uses CUDA when available will compute differently");
    }
    if (gpus != declared.count()) {
      return List.of("lockstep.yaml declares hardware cuda x" + declared.count() + ", but this machine has " + have);
    }
    return List.of();
  }
}
