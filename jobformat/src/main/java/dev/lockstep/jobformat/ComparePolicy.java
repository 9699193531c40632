package dev.lockstep.jobformat;

import java.util.List;
import java.util.Locale;

/** How {@code verify} decides that two runs produced the same output. */
public sealed interface ComparePolicy permits ComparePolicy.Bytes, ComparePolicy.Tolerance {

  /** Byte-identical files (equal sha256). The default. */
  record Bytes() implements ComparePolicy {}

  /**
   * Numerically close, element by element, with numpy.isclose semantics:
   * {@code |candidate - baseline| <= atol + rtol * |baseline|}. An omitted bound is 0.
   */
  record Tolerance(double atol, double rtol) implements ComparePolicy {

    /** File types {@code verify} reads numerically; others can only be compared as bytes. */
    public static final List<String> NUMERIC_EXTENSIONS = List.of(".npy", ".npz", ".safetensors", ".json");

    public static boolean readsNumerically(String path) {
      String lower = path.toLowerCase(Locale.ROOT);
      return NUMERIC_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    public Tolerance {
      if (!(atol >= 0) || !(rtol >= 0) || Double.isInfinite(atol) || Double.isInfinite(rtol)) {
        throw new IllegalArgumentException("atol and rtol must be finite and >= 0");
      }
    }
  }
}
