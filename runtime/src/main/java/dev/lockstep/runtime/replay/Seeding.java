package dev.lockstep.runtime.replay;

/** Whether replay runs the determinism prelude before the first cell ({@code --seeded}/{@code --as-is}). */
public enum Seeding {
  /** The cells as they are: shows whether the notebook reproduces on its own. */
  AS_IS,
  /** The determinism prelude (seeds, deterministic algorithms) and interpreter settings first. */
  SEEDED
}
