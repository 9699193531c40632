package dev.lockstep.jobformat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem in a lockstep.yaml, so one run of the loader reports them all. */
final class SpecProblems {

  private final String file;
  private final List<SpecProblem> problems = new ArrayList<>();

  SpecProblems(String file) {
    this.file = file;
  }

  void add(int line, String key, String message) {
    problems.add(new SpecProblem(file, line, key, message));
  }

  boolean any() {
    return !problems.isEmpty();
  }

  void throwIfAny() throws InvalidJobSpecException {
    if (!problems.isEmpty()) {
      List<SpecProblem> inFileOrder = new ArrayList<>(problems);
      inFileOrder.sort(Comparator.comparingInt(SpecProblem::line)); // stable: same line keeps discovery order
      throw new InvalidJobSpecException(inFileOrder);
    }
  }
}
