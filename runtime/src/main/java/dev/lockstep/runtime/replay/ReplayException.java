package dev.lockstep.runtime.replay;

/** A replay that cannot start: an unreadable notebook, a bad option, no interpreter. */
public final class ReplayException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private ReplayException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Bad usage or an unreadable notebook: exit 2. */
  public static ReplayException usage(String message) {
    return new ReplayException(2, message);
  }

  /** The interpreter or the machine failed before any cell ran: exit 1. */
  public static ReplayException failure(String message) {
    return new ReplayException(1, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
