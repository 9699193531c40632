package dev.lockstep.runtime.replay;

import dev.lockstep.runtime.compare.text.VolatileText;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two texts of one output part: equal; else equal but for numbers within tolerance;
 * else equal once volatile text is masked (naming the kinds); else the first differing line.
 */
final class TextComparison {

  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\w.])[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?(?![\\w.])|(?<![\\w.])[-+]?(?:nan|inf)(?!\\w)",
      Pattern.CASE_INSENSITIVE);
  private static final int SHOWN_CHARS = 100;

  private TextComparison() {}

  /**
   * @param part what the text is ("stdout", "output 2 text/plain")
   * @param referenceName "saved" or "run 1"
   * @param candidateName "replay" or "run 2"
   */
  static PartComparison compare(String part, String reference, String candidate, Tolerance tolerance,
      String referenceName, String candidateName) {
    String a = normalize(reference);
    String b = normalize(candidate);
    if (a.equals(b)) {
      return PartComparison.IDENTICAL;
    }
    if (numbersClose(a, b, tolerance)) {
      return PartComparison.of(Verdict.WITHIN_TOLERANCE, part + ": numbers differ within tolerance");
    }
    VolatileText.Masked maskedA = VolatileText.mask(a);
    VolatileText.Masked maskedB = VolatileText.mask(b);
    if (maskedA.text().equals(maskedB.text()) || numbersClose(maskedA.text(), maskedB.text(), tolerance)) {
      return PartComparison.volatileOnly(differingKinds(a, b, maskedA, maskedB));
    }
    return PartComparison.of(Verdict.DIFFERS, firstDifference(part, a, b, maskedA.text(), maskedB.text(),
        tolerance, referenceName, candidateName));
  }

  /** Line endings as Python's text mode reads them: a kernel's shell escapes write \r\n. */
  static String normalize(String text) {
    return text.replace("\r\n", "\n");
  }

  /** Same text between the numbers, the same count of numbers, each pair close. */
  static boolean numbersClose(String a, String b, Tolerance tolerance) {
    Matcher ma = NUMBER.matcher(a);
    Matcher mb = NUMBER.matcher(b);
    int ia = 0;
    int ib = 0;
    while (true) {
      boolean fa = ma.find();
      boolean fb = mb.find();
      if (fa != fb) {
        return false;
      }
      if (!fa) {
        return a.substring(ia).equals(b.substring(ib));
      }
      if (!a.substring(ia, ma.start()).equals(b.substring(ib, mb.start()))) {
        return false;
      }
      if (!tolerance.close(parse(ma.group()), parse(mb.group()))) {
        return false;
      }
      ia = ma.end();
      ib = mb.end();
    }
  }

  private static double parse(String number) {
    String n = number.toLowerCase(Locale.ROOT);
    if (n.endsWith("nan")) {
      return Double.NaN;
    }
    if (n.endsWith("inf")) {
      return n.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(n);
  }

  /** The kinds masked on the lines that differ (all masked kinds when the lines do not pair up). */
  private static SortedSet<VolatileText.Kind> differingKinds(String a, String b, VolatileText.Masked maskedA,
      VolatileText.Masked maskedB) {
    String[] linesA = a.split("\n", -1);
    String[] linesB = b.split("\n", -1);
    SortedSet<VolatileText.Kind> kinds = new TreeSet<>();
    if (linesA.length == linesB.length) {
      for (int i = 0; i < linesA.length; i++) {
        if (!linesA[i].equals(linesB[i])) {
          kinds.addAll(VolatileText.mask(linesA[i]).kinds());
          kinds.addAll(VolatileText.mask(linesB[i]).kinds());
        }
      }
    }
    if (kinds.isEmpty()) {
      kinds.addAll(maskedA.kinds());
      kinds.addAll(maskedB.kinds());
    }
    return kinds;
  }

  private static String firstDifference(String part, String a, String b, String maskedA, String maskedB,
      Tolerance tolerance, String referenceName, String candidateName) {
    String[] linesA = a.split("\n", -1);
    String[] linesB = b.split("\n", -1);
    String[] maskA = maskedA.split("\n", -1);
    String[] maskB = maskedB.split("\n", -1);
    int paired = Math.min(maskA.length, maskB.length);
    // Masking a multi-line progress bar can change the line count; fall back to raw lines then.
    boolean aligned = maskA.length == linesA.length && maskB.length == linesB.length;
    for (int i = 0; i < paired; i++) {
      boolean differs = !maskA[i].equals(maskB[i]) && !numbersClose(maskA[i], maskB[i], tolerance);
      if (differs) {
        String lineA = aligned ? linesA[i] : maskA[i];
        String lineB = aligned ? linesB[i] : maskB[i];
        return part + " line " + (i + 1) + ": " + referenceName + " " + quote(lineA) + ", " + candidateName + " "
            + quote(lineB);
      }
    }
    int line = paired + 1;
    if (maskA.length > maskB.length) {
      return part + " line " + line + ": " + referenceName + " " + quote(maskA[paired]) + ", " + candidateName
          + " has no more lines (" + count(maskA.length, "line") + " against " + maskB.length + ")";
    }
    return part + " line " + line + ": " + candidateName + " " + quote(maskB[Math.min(paired, maskB.length - 1)])
        + ", " + referenceName + " has no more lines (" + count(maskA.length, "line") + " against " + maskB.length + ")";
  }

  static String quote(String line) {
    String shown = line.length() > SHOWN_CHARS ? line.substring(0, SHOWN_CHARS) + "..." : line;
    return "'" + shown.replace("\r", "\\r").replace("\t", "\\t") + "'";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
