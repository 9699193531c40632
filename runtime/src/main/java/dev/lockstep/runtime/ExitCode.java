package dev.lockstep.runtime;

/**
 * The runtime's exit codes, shared by {@link Main} and the CLI.
 *
 * <ul>
 *   <li>{@link #SUCCESS} 0: the job ran and every output was produced (and, for verify,
 *       matched).
 *   <li>{@link #FAILURE} 1: the job or the machine let the run down: an input's hash changed,
 *       no interpreter can import the job's modules, the job exited non-zero, an output is
 *       missing, a strict hardware check failed, or verify found a difference.
 *   <li>{@link #USAGE} 2: the request itself is wrong: invalid lockstep.yaml, bad arguments,
 *       unknown or ill-typed overrides, an unbound input, a missing secret.
 * </ul>
 */
public enum ExitCode {
  SUCCESS(0),
  FAILURE(1),
  USAGE(2);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
