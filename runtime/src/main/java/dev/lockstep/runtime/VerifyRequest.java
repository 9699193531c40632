package dev.lockstep.runtime;

import java.util.Optional;

/**
 * {@code verify DIR [--against RUN]}: run the job again and compare with a recorded run.
 *
 * @param againstRunId the baseline run's id; empty for the newest successful run of the same seed, parameters and input hashes
 */
public record VerifyRequest(RunRequest run, Optional<String> againstRunId) {

  public static VerifyRequest of(RunRequest run) {
    return new VerifyRequest(run, Optional.empty());
  }

  public VerifyRequest against(String runId) {
    return new VerifyRequest(run, Optional.of(runId));
  }
}
