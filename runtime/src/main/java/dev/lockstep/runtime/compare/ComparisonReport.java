package dev.lockstep.runtime.compare;

/**
 * The text report of a comparison, as {@code verify} prints it:
 *
 * <pre>
 * compared run 20261127T101600.000Z-1a2b3c4d with baseline 20261127T101500.000Z-1a2b3c4d
 *   metrics   within tolerance (max abs diff 3.2e-07 at $.loss)
 *   weights   identical
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
    int width = comparison.outputs().stream().mapToInt(v -> v.output().length()).max().orElse(0);
    for (OutputVerdict verdict : comparison.outputs()) {
      text.append("  ").append(pad(verdict.output(), width)).append("  ").append(verdict.describe()).append('\n');
    }
    if (comparison.outputs().isEmpty()) {
      text.append("  (lockstep.yaml declares no outputs)\n");
    }
    if (comparison.drift().isEmpty()) {
      text.append("no drift: same job, inputs, parameters, seed, environment, interpreter, packages and hardware\n");
    } else {
      text.append("drift between the runs:\n");
      comparison.drift().forEach(drift -> text.append("  ").append(drift.describe()).append('\n'));
    }
    int total = comparison.outputs().size();
    int failed = comparison.failures().size();
    text.append(failed == 0
        ? "verify passed: " + total + " output" + (total == 1 ? "" : "s") + " identical or within tolerance\n"
        : "verify failed: " + failed + " of " + total + " output" + (total == 1 ? "" : "s") + " different\n");
    return text.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
