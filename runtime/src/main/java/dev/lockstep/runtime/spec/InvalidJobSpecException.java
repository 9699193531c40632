package dev.lockstep.runtime.spec;

import dev.lockstep.runtime.ExitCode;
import dev.lockstep.runtime.JobException;
import java.util.List;
import java.util.stream.Collectors;

/** lockstep.yaml is invalid; carries every problem found, one per line, in file order. */
public final class InvalidJobSpecException extends JobException {

  private static final long serialVersionUID = 1L;

  private final transient List<SpecProblem> problems;

  public InvalidJobSpecException(List<SpecProblem> problems) {
    super(ExitCode.USAGE, problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
