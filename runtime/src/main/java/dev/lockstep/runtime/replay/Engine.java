package dev.lockstep.runtime.replay;

/** How the harness runs cells. */
public enum Engine {
  /** IPython's InteractiveShell when the interpreter can import it, else {@link #PLAIN}. */
  AUTO,
  /** Plain {@code exec} of the IPython-translated code (what happens without IPython). */
  PLAIN
}
