package dev.lockstep.runtime.compare;

/**
 * How one declared output of two runs compares.
 *
 * @param detail what a reader needs to judge the verdict (largest difference and where, the two
 *     hashes, the reason a file could not be compared); empty for identical outputs
 */
public record OutputVerdict(String output, Verdict verdict, String detail) {

  public enum Verdict {
    IDENTICAL,
    WITHIN_TOLERANCE,
    DIFFERENT
  }

  public static OutputVerdict identical(String output) {
    return new OutputVerdict(output, Verdict.IDENTICAL, "");
  }

  public static OutputVerdict withinTolerance(String output, String detail) {
    return new OutputVerdict(output, Verdict.WITHIN_TOLERANCE, detail);
  }

  public static OutputVerdict different(String output, String detail) {
    return new OutputVerdict(output, Verdict.DIFFERENT, detail);
  }

  public boolean passed() {
    return verdict != Verdict.DIFFERENT;
  }

  /** "identical", "within tolerance (...)" or "different (...)". */
  public String describe() {
    return switch (verdict) {
      case IDENTICAL -> "identical";
      case WITHIN_TOLERANCE -> "within tolerance (" + detail + ")";
      case DIFFERENT -> "different (" + detail + ")";
    };
  }
}
