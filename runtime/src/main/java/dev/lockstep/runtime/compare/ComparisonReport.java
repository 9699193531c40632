package dev.lockstep.runtime.compare;

/**
 * The text report of a comparison, as {@code verify} prints it:
 *
 * <pre>
 * compared run 20261127T101600.000Z-1a2b3c4d with baseline 20261127T101500.000Z-1a2b3c4d
 *   (the newest successful run with the same parameters, inputs and seed)
 *   metrics   within tolerance (max abs diff 3.2e-07 at $.loss)
 *   weights   identical
 * printed output: same when timing, memory address are masked
 * drift between the runs:
 *   param jitter: 0 -> 1.0E-7
 * verify passed: 2 outputs identical or within tolerance
 * </pre>
 */
public final class ComparisonReport {

  private ComparisonReport() {}

  public static String render(RunComparison comparison) {
    StringBuilder text = new StringBuilder();
    text.append("compared run ").append(comparison.candidateRunId())
        .append(" with baseline ").append(comparison.baselineRunId()).append('\n');
    if (!comparison.baselineChoice().isEmpty()) {
      text.append("  (baseline: ").append(comparison.baselineChoice()).append(")\n");
    }
    int width = comparison.outputs().stream().mapToInt(v -> v.output().length()).max().orElse(0);
    for (OutputVerdict verdict : comparison.outputs()) {
      text.append("  ").append(pad(verdict.output(), width)).append("  ").append(verdict.describe()).append('\n');
    }
    if (comparison.outputs().isEmpty()) {
      text.append("  (lockstep.yaml declares no outputs)\n");
    }
    if (comparison.log() != null) {
      text.append("printed output: ").append(comparison.log().describe()).append('\n');
    }
    if (comparison.drift().isEmpty()) {
      text.append("no drift: same job, inputs, parameters, seed, environment, interpreter, packages and hardware\n");
    } else {
      text.append("drift between the runs:\n");
      comparison.drift().forEach(drift -> text.append("  ").append(drift.describe()).append('\n'));
    }
    text.append(verdictLine(comparison));
    return text.toString();
  }

  private static String verdictLine(RunComparison comparison) {
    int total = comparison.outputs().size();
    int failed = comparison.failures().size();
    if (!comparison.comparedSomething()) {
      return "verify failed: nothing was compared (lockstep.yaml declares no outputs, so nothing the job computed is checked;"
          + " declare what it writes under outputs:)\n";
    }
    String outputs = total + " output" + (total == 1 ? "" : "s");
    if (failed > 0) {
      return "verify failed: " + failed + " of " + outputs + " different\n";
    }
    if (comparison.log() != null && !comparison.log().passed()) {
      return "verify failed: the printed output differs and lockstep.yaml says it must match (log: {must_match: true});"
          + " " + outputs + " identical or within tolerance\n";
    }
    return "verify passed: " + outputs + " identical or within tolerance\n";
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
