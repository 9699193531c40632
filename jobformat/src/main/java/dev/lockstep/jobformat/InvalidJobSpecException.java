package dev.lockstep.jobformat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * lockstep.yaml is invalid; carries every problem found, one per line, in file order. The
 * runtime reports it as a usage error (exit 2).
 */
public final class InvalidJobSpecException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<SpecProblem> problems;

  public InvalidJobSpecException(List<SpecProblem> problems) {
    super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
