package dev.lockstep.runtime.inputs;

import dev.lockstep.runtime.JobException;
import dev.lockstep.jobformat.ParamValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Applies {@code --param NAME=VALUE} overrides, each parsed against the declared type. */
public final class ParamResolver {

  private ParamResolver() {}

  /**
   * @param declared lockstep.yaml's params
   * @param overrides raw command-line text by name
   * @throws JobException (usage) naming every unknown parameter and every value of the wrong type
   */
  public static Map<String, ParamValue> resolve(Map<String, ParamValue> declared, Map<String, String> overrides)
      throws JobException {
    Map<String, ParamValue> resolved = new TreeMap<>(declared);
    List<String> problems = new ArrayList<>();
    overrides.forEach((name, text) -> {
      ParamValue current = declared.get(name);
      if (current == null) {
        problems.add("--param " + name + ": unknown parameter; lockstep.yaml declares "
            + (declared.isEmpty() ? "no params" : String.join(", ", new TreeSet<>(declared.keySet()))));
        return;
      }
      try {
        resolved.put(name, current.withText(text));
      } catch (IllegalArgumentException e) {
        problems.add("--param " + name + "=" + text + ": " + e.getMessage()
            + " (lockstep.yaml declares " + name + ": " + current.value() + ")");
      }
    });
    if (!problems.isEmpty()) {
      throw JobException.usage(String.join("\n", problems));
    }
    return resolved;
  }
}
