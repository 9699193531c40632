package dev.lockstep.runtime.compare;

import dev.lockstep.jobformat.ComparePolicy;

/**
 * Compares values one pair at a time with numpy.isclose semantics and remembers what a report
 * needs: how many values were compared and how many are out of tolerance, the largest
 * difference overall, and the worst value out of tolerance (by absolute difference).
 *
 * <p>A pair is close when {@code |candidate - baseline| <= atol + rtol * |baseline|}, with the
 * earlier run as the baseline, like {@code numpy.isclose(candidate, baseline)}. As with
 * {@code equal_nan=True}, NaN is close only to NaN (in the same place); an infinity only to the
 * same infinity.
 */
final class DifferenceTracker {

  /** Describes a position lazily: most positions are never reported. */
  interface Locator {
    String describe(long index);
  }

  private final double atol;
  private final double rtol;
  private long compared;
  private long outside;
  private double maxDifference;
  private String maxDifferenceAt;
  private double worstDifference = -1;
  private String worstAt;
  private double worstCandidate;
  private double worstBaseline;

  DifferenceTracker(ComparePolicy.Tolerance tolerance) {
    this.atol = tolerance.atol();
    this.rtol = tolerance.rtol();
  }

  void add(double candidate, double baseline, Locator locator, long index) {
    compared++;
    boolean close;
    double difference;
    if (Double.isNaN(candidate) || Double.isNaN(baseline)) {
      close = Double.isNaN(candidate) && Double.isNaN(baseline);
      difference = close ? 0 : Double.POSITIVE_INFINITY;
    } else if (Double.isInfinite(candidate) || Double.isInfinite(baseline)) {
      close = candidate == baseline;
      difference = close ? 0 : Double.POSITIVE_INFINITY;
    } else {
      difference = Math.abs(candidate - baseline);
      close = difference <= atol + rtol * Math.abs(baseline);
    }
    if (difference > maxDifference && Double.isFinite(difference)) {
      maxDifference = difference;
      maxDifferenceAt = locator.describe(index);
    }
    if (!close) {
      outside++;
      if (difference > worstDifference) {
        worstDifference = difference;
        worstAt = locator.describe(index);
        worstCandidate = candidate;
        worstBaseline = baseline;
      }
    }
  }

  boolean allClose() {
    return outside == 0;
  }

  /** "max abs diff 3.2e-07 at tensor "w" index [3, 1]" (or "max abs diff 0"). */
  String closeSummary() {
    return maxDifferenceAt == null ? "max abs diff 0" : "max abs diff " + Numbers.brief(maxDifference) + " at " + maxDifferenceAt;
  }

  /** The worst value out of tolerance, the two values, and how many are out. */
  String differentSummary() {
    String difference = Double.isInfinite(worstDifference)
        ? Numbers.plain(worstCandidate) + " vs baseline " + Numbers.plain(worstBaseline) + " at " + worstAt
        : "max abs diff " + Numbers.brief(worstDifference) + " at " + worstAt
            + " (" + Numbers.plain(worstCandidate) + " vs baseline " + Numbers.plain(worstBaseline) + ")";
    return difference + "; " + outside + " of " + compared + " values outside atol=" + Numbers.brief(atol)
        + ", rtol=" + Numbers.brief(rtol);
  }
}
