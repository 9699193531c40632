package dev.lockstep.runtime;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What to run: a job directory and this run's overrides.
 *
 * @param params {@code --param NAME=VALUE}: raw text, parsed against each parameter's declared type
 * @param inputs {@code --input NAME=PATH}: paths relative to the caller's working directory
 * @param python {@code --python PATH}: a path, or a bare name looked up on PATH; empty to choose
 *     the first python3 that can import the job's modules
 * @param strictHardware {@code --strict-hardware}: a hardware mismatch stops the run instead of warning
 */
public record RunRequest(Path jobDirectory, Map<String, String> params, Map<String, Path> inputs, Optional<Path> python,
    boolean strictHardware) {

  public RunRequest {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  public static RunRequest of(Path jobDirectory) {
    return new RunRequest(jobDirectory, Map.of(), Map.of(), Optional.empty(), false);
  }

  public RunRequest withParam(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(params);
    more.put(name, value);
    return new RunRequest(jobDirectory, more, inputs, python, strictHardware);
  }

  public RunRequest withInput(String name, Path path) {
    Map<String, Path> more = new LinkedHashMap<>(inputs);
    more.put(name, path);
    return new RunRequest(jobDirectory, params, more, python, strictHardware);
  }

  public RunRequest withPython(Path interpreter) {
    return new RunRequest(jobDirectory, params, inputs, Optional.of(interpreter), strictHardware);
  }

  public RunRequest withStrictHardware(boolean strict) {
    return new RunRequest(jobDirectory, params, inputs, python, strict);
  }
}
