package dev.lockstep.runtime.replay;

import dev.lockstep.runtime.compare.text.VolatileText;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The comparison of one part of a cell's outputs (its stdout, one result's text/plain, one image).
 *
 * @param verdict identical, within tolerance, volatile only or differs
 * @param detail what differs ("" when identical)
 * @param volatileKinds the kinds of volatile text that differed, sorted
 */
record PartComparison(Verdict verdict, String detail, SortedSet<String> volatileKinds) {

  PartComparison {
    volatileKinds = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(volatileKinds));
  }

  static final PartComparison IDENTICAL = new PartComparison(Verdict.IDENTICAL, "", new TreeSet<>());

  static PartComparison of(Verdict verdict, String detail) {
    return new PartComparison(verdict, detail, new TreeSet<>());
  }

  static PartComparison volatileOnly(Set<VolatileText.Kind> kinds) {
    SortedSet<String> labels = new TreeSet<>();
    kinds.forEach(kind -> labels.add(kind.label()));
    return new PartComparison(Verdict.VOLATILE_ONLY, "", labels);
  }
}
