package dev.lockstep.runtime;

/**
 * A run that cannot start or go on, with a message written for the person at the terminal and
 * the exit code it maps to. Thrown before a run directory exists, so nothing is recorded.
 */
public class JobException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public JobException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public JobException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Something the caller fixes in lockstep.yaml, on the command line or in the environment. */
  public static JobException usage(String message) {
    return new JobException(ExitCode.USAGE, message);
  }

  /** Something wrong with the data, the machine or the job itself. */
  public static JobException failure(String message) {
    return new JobException(ExitCode.FAILURE, message);
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
