package dev.lockstep.runtime.compare;

import java.util.Locale;

/** Number formatting for reports: short, locale-independent, no trailing zeros. */
final class Numbers {

  private Numbers() {}

  /** Three significant digits, e.g. {@code 3.2e-07}, {@code 0.5}, {@code 1.2e+03}. */
  static String brief(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return plain(value);
    }
    if (value == 0) {
      return "0";
    }
    String text = String.format(Locale.ROOT, "%.3g", value);
    int exponent = text.indexOf('e');
    String mantissa = exponent < 0 ? text : text.substring(0, exponent);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return exponent < 0 ? mantissa : mantissa + text.substring(exponent);
  }

  /**
   * The value in full, for showing the two values that differ: the shortest text that reads
   * back as the same number, as a float when the value is one (so a float32 element prints
   * as 0.015, not as its widened 0.015000000596046448).
   */
  static String plain(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    float narrow = (float) value;
    return narrow == value ? Float.toString(narrow) : Double.toString(value);
  }
}
