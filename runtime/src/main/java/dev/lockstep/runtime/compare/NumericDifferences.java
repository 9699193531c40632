package dev.lockstep.runtime.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of comparing two files numerically: structural differences (names, shapes, types,
 * non-numeric values), which always fail, and the element-wise statistics.
 */
final class NumericDifferences {

  private final List<String> structural = new ArrayList<>();
  private final DifferenceTracker values;

  NumericDifferences(DifferenceTracker values) {
    this.values = values;
  }

  void structural(String difference) {
    structural.add(difference);
  }

  DifferenceTracker values() {
    return values;
  }

  OutputVerdict verdict(String output) {
    if (!structural.isEmpty()) {
      String more = structural.size() == 1 ? "" : " (and " + (structural.size() - 1) + " more structural difference"
          + (structural.size() == 2 ? "" : "s") + ")";
      return OutputVerdict.different(output, structural.get(0) + more);
    }
    return values.allClose()
        ? OutputVerdict.withinTolerance(output, values.closeSummary())
        : OutputVerdict.different(output, values.differentSummary());
  }
}
