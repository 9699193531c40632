package dev.lockstep.runtime.compare;

import dev.lockstep.runtime.compare.tensors.Tensor;
import dev.lockstep.runtime.compare.tensors.TensorFile;
import dev.lockstep.jobformat.ComparePolicy;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Compares two tensor files array by array: the same names, dtypes and shapes, then every
 * element within tolerance.
 */
final class TensorComparator {

  private TensorComparator() {}

  static NumericDifferences compare(TensorFile baseline, TensorFile candidate, ComparePolicy.Tolerance tolerance,
      String kind) {
    NumericDifferences differences = new NumericDifferences(new DifferenceTracker(tolerance));
    TreeSet<String> names = new TreeSet<>(baseline.tensors().keySet());
    names.addAll(candidate.tensors().keySet());
    for (String name : names) {
      Tensor base = baseline.tensors().get(name);
      Tensor cand = candidate.tensors().get(name);
      String label = name.isEmpty() ? "" : kind + " \"" + name + "\"";
      if (base == null) {
        differences.structural(label + " only in the candidate run");
      } else if (cand == null) {
        differences.structural(label + " missing from the candidate run");
      } else if (base.dtype() != cand.dtype()) {
        differences.structural(prefix(label) + "dtype " + cand.dtype().displayName() + " vs " + base.dtype().displayName());
      } else if (!Arrays.equals(base.shape(), cand.shape())) {
        differences.structural(prefix(label) + "shape " + cand.shapeText() + " vs " + base.shapeText());
      } else {
        DifferenceTracker.Locator locator = index -> (label.isEmpty() ? "" : label + " ") + "index " + cand.indexText(index);
        long count = cand.elementCount();
        for (long i = 0; i < count; i++) {
          differences.values().add(cand.get(i), base.get(i), locator, i);
        }
      }
    }
    if (!baseline.metadata().equals(candidate.metadata())) {
      differences.structural("__metadata__ " + candidate.metadata() + " vs " + baseline.metadata());
    }
    return differences;
  }

  private static String prefix(String label) {
    return label.isEmpty() ? "" : label + ": ";
  }
}
