package dev.lockstep.jobformat;

import java.util.Locale;

/** The hardware shape the job was extracted for: {@code cpu} with count 0, or {@code cuda} with N GPUs. */
public record HardwareSpec(Accelerator accelerator, int count) {

  public enum Accelerator {
    CPU,
    CUDA;

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
