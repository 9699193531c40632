package dev.lockstep.runtime.compare;

import dev.lockstep.runtime.compare.text.VolatileText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the printed output (run.log) of two runs compares once volatile parts are masked.
 *
 * @param verdict identical bytes, the same once masked, different, or not comparable (a log missing)
 * @param masked the kinds of volatile parts masked in either log
 * @param detail for a difference, the first differing line of each (masked); otherwise empty
 * @param mustMatch whether lockstep.yaml's {@code log: {must_match: true}} makes a difference fail verify
 */
public record LogVerdict(Verdict verdict, List<VolatileText.Kind> masked, String detail, boolean mustMatch) {

  public enum Verdict {
    IDENTICAL,
    SAME_WHEN_MASKED,
    DIFFERENT,
    NOT_COMPARED
  }

  public LogVerdict {
    masked = List.copyOf(masked);
  }

  /** False only for a difference the job declared must not happen. */
  public boolean passed() {
    return !mustMatch || verdict == Verdict.IDENTICAL || verdict == Verdict.SAME_WHEN_MASKED;
  }

  public String describe() {
    String names = masked.stream().map(VolatileText.Kind::label).collect(Collectors.joining(", "));
    return switch (verdict) {
      case IDENTICAL -> "identical";
      case SAME_WHEN_MASKED -> "same when " + names + " are masked";
      case DIFFERENT -> "different" + (masked.isEmpty() ? "" : " (with " + names + " masked)") + ": " + detail
          + (mustMatch ? "" : "; reported only (lockstep.yaml log: {must_match: true} would fail verify)");
      case NOT_COMPARED -> "not compared: " + detail;
    };
  }
}
