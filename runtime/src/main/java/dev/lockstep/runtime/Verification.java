package dev.lockstep.runtime;

import dev.lockstep.runtime.compare.RunComparison;
import java.util.Optional;

/**
 * The result of {@code verify}: the new run, and its comparison with the baseline when the new
 * run succeeded (a failed run has nothing to compare).
 */
public record Verification(String baselineRunId, RunOutcome run, Optional<RunComparison> comparison) {

  public boolean passed() {
    return run.succeeded() && comparison.map(RunComparison::passed).orElse(false);
  }

  public ExitCode exitCode() {
    return passed() ? ExitCode.SUCCESS : ExitCode.FAILURE;
  }
}
