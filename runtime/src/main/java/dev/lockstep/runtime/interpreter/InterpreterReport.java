package dev.lockstep.runtime.interpreter;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One interpreter, as its probe saw it.
 *
 * @param command the path the runtime runs (may be a wrapper or a shim)
 * @param executable {@code sys.executable}: the interpreter that actually ran
 * @param version {@code platform.python_version()}
 * @param modules the job's declared imports, by name
 */
public record InterpreterReport(String command, String executable, String version, Map<String, ModuleStatus> modules) {

  public InterpreterReport {
    modules = Collections.unmodifiableMap(new TreeMap<>(modules));
  }

  /** Declared modules this interpreter cannot import, with the reason for each. */
  public List<String> missing() {
    return modules.entrySet().stream()
        .filter(entry -> !entry.getValue().importable())
        .map(entry -> entry.getKey() + " (" + entry.getValue().error() + ")")
        .toList();
  }
}
