package dev.lockstep.runtime.replay;

/** What replay found for one cell, from best to worst among compared cells. */
public enum Verdict {
  /** The same outputs, text for text and pixel for pixel. */
  IDENTICAL("identical"),
  /** Only numbers differ, each within --atol/--rtol; or images within the pixel tolerance. */
  WITHIN_TOLERANCE("within tolerance"),
  /** Only volatile text differs (memory addresses, timings, temporary paths...), each kind named. */
  VOLATILE_ONLY("volatile only"),
  /** Something else differs; the first differing line is shown. */
  DIFFERS("differs"),
  /** The replay raised an exception the reference did not show, or the interpreter exited in it. */
  ERROR("error"),
  /** The cell did not run to the end: a timeout, or an earlier cell ended the interpreter. */
  NOT_RUN("not run"),
  /** Nothing to compare with: the saved notebook never ran this cell. */
  NOT_COMPARED("not compared");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether a compared cell counts as reproduced. */
  public boolean reproduced() {
    return this == IDENTICAL || this == WITHIN_TOLERANCE || this == VOLATILE_ONLY;
  }

  /** The worse of two verdicts of parts of one cell. */
  static Verdict worse(Verdict a, Verdict b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
