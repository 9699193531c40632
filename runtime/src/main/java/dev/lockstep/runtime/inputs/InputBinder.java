package dev.lockstep.runtime.inputs;

import dev.lockstep.jobformat.InputSpec;
import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.runtime.FrontEnd;
import dev.lockstep.runtime.JobException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides which file or folder each input is: lockstep.yaml's path (relative to the job
 * directory, or absolute) with its pinned hash, or a {@code --input NAME=PATH} given for this run
 * (relative to the caller's working directory, like any path typed on a command line).
 */
public final class InputBinder {

  private InputBinder() {}

  /**
   * @throws JobException (usage) for unknown names and for inputs with {@code sha256: ~} that
   *     this run does not bind; hints use the syntax of {@code frontEnd}
   */
  public static List<InputBinding> bind(JobSpec spec, Map<String, Path> overrides, Path jobDirectory, Path callerDirectory,
      FrontEnd frontEnd) throws JobException {
    Map<String, InputSpec> declared = spec.inputs();
    List<String> problems = new ArrayList<>();
    for (String name : overrides.keySet()) {
      if (!declared.containsKey(name)) {
        problems.add("--input " + name + ": unknown input; lockstep.yaml declares "
            + (declared.isEmpty() ? "no inputs" : String.join(", ", new TreeSet<>(declared.keySet()))));
      }
    }
    List<InputBinding> bindings = new ArrayList<>();
    for (InputSpec input : declared.values()) {
      Path override = overrides.get(input.name());
      if (override != null) {
        bindings.add(new InputBinding(input.name(), callerDirectory.resolve(override).toAbsolutePath().normalize(),
            input.kind(), Optional.empty(), input.sha256(), InputBinding.Source.COMMAND_LINE));
      } else if (input.sha256().isEmpty()) {
        problems.add("input " + input.name() + " has sha256: ~ in lockstep.yaml (it was not bound when the job was extracted); "
            + "bind it with " + frontEnd.inputOption(spec, input.name(), placeholder(input)));
      } else {
        bindings.add(new InputBinding(input.name(), jobDirectory.resolve(input.path()).toAbsolutePath().normalize(),
            input.kind(), input.sha256(), input.sha256(), InputBinding.Source.CONFIG));
      }
    }
    if (!problems.isEmpty()) {
      throw JobException.usage(String.join("\n", problems));
    }
    return bindings;
  }

  /** {@code FOLDER} for a folder input, else {@code PATH}. */
  static String placeholder(InputSpec input) {
    return input.kind().map(kind -> kind == dev.lockstep.jobformat.PathKind.FOLDER ? "FOLDER" : "FILE").orElse("PATH");
  }
}
