package dev.lockstep.jobformat;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The declared type of a parameter: the type of its value in lockstep.yaml. Overrides from the
 * command line are text and are parsed against it, so {@code --param epochs=five} is an error
 * rather than a string that breaks the job halfway through.
 */
public enum ParamType {
  INT("an integer"),
  FLOAT("a float"),
  BOOL("a boolean (true or false)"),
  STRING("a string");

  // Decimal notation only: Java's parseDouble also takes "1f", "0x1p3" and "Infinity",
  // which Python's float() and JSON do not.
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  private final String expected;

  ParamType(String expected) {
    this.expected = expected;
  }

  /** Words for "expected ..." in messages. */
  public String expected() {
    return expected;
  }

  /**
   * Parses command-line text into this type's value (Long, Double, Boolean or String).
   *
   * @throws IllegalArgumentException with "expected ..., got ..." when the text does not fit
   */
  public Object parse(String text) {
    switch (this) {
      case INT:
        if (INTEGER.matcher(text).matches()) {
          try {
            return Long.parseLong(text);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected + " that fits in 64 bits, got \"" + text + "\"");
          }
        }
        break;
      case FLOAT:
        if (DECIMAL.matcher(text).matches()) {
          double value = Double.parseDouble(text);
          if (Double.isFinite(value)) {
            return value;
          }
        }
        break;
      case BOOL:
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
          return Boolean.parseBoolean(lower);
        }
        break;
      case STRING:
        return text;
    }
    throw new IllegalArgumentException("expected " + expected + ", got \"" + text + "\"");
  }
}
