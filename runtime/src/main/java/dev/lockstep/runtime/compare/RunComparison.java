package dev.lockstep.runtime.compare;

import java.util.List;

/**
 * Two runs of one job compared: a verdict per declared output (sorted by name) and the drift
 * between their records. {@link #passed()} decides verify's exit code; drift is reported
 * alongside, to explain differences, and does not fail by itself.
 *
 * @param baselineRunId the earlier run, the reference ({@code b} in numpy.isclose(a, b))
 * @param candidateRunId the run being checked
 */
public record RunComparison(String baselineRunId, String candidateRunId, List<OutputVerdict> outputs, List<Drift> drift) {

  public RunComparison {
    outputs = List.copyOf(outputs);
    drift = List.copyOf(drift);
  }

  public boolean passed() {
    return outputs.stream().allMatch(OutputVerdict::passed);
  }

  public List<OutputVerdict> failures() {
    return outputs.stream().filter(verdict -> !verdict.passed()).toList();
  }
}
