package dev.lockstep.runtime.inputs;

/** An input whose bytes were hashed just before the run (and matched, when a hash was pinned). */
public record VerifiedInput(InputBinding binding, String sha256, long size) {

  public String name() {
    return binding.name();
  }
}
