package dev.lockstep.runtime.compare;

import java.util.List;

/**
 * Two runs of one job compared: a verdict per declared output (sorted by name), the printed
 * output, and the drift between their records. {@link #passed()} decides verify's exit code;
 * drift is reported alongside, to explain differences, and does not fail by itself.
 *
 * <p>A comparison of no outputs never passes: a job that declares nothing to compare has not
 * been shown to reproduce.
 *
 * @param baselineRunId the earlier run, the reference ({@code b} in numpy.isclose(a, b))
 * @param candidateRunId the run being checked
 * @param baselineChoice why that baseline (for the report); empty when the caller named both runs
 * @param log the printed output compared; a difference fails only when lockstep.yaml says it must match
 */
public record RunComparison(String baselineRunId, String candidateRunId, String baselineChoice, List<OutputVerdict> outputs,
    LogVerdict log, List<Drift> drift) {

  public RunComparison {
    baselineChoice = baselineChoice == null ? "" : baselineChoice;
    outputs = List.copyOf(outputs);
    drift = List.copyOf(drift);
  }

  /** Every declared output matched (and there was at least one), and the log when it must match. */
  public boolean passed() {
    return comparedSomething() && outputs.stream().allMatch(OutputVerdict::passed) && (log == null || log.passed());
  }

  /** False when lockstep.yaml declares no output: then nothing the job computed was compared. */
  public boolean comparedSomething() {
    return !outputs.isEmpty();
  }

  public List<OutputVerdict> failures() {
    return outputs.stream().filter(verdict -> !verdict.passed()).toList();
  }
}
