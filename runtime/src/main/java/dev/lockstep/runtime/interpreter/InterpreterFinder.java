package dev.lockstep.runtime.interpreter;

import dev.lockstep.runtime.JobException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the Python that runs the job: the one given with {@code --python}, or else the first
 * candidate that can import every module in {@code python.imports}. Candidates are
 * {@code /usr/bin/python3} and then every {@code python3} on PATH, in order, each real file
 * tried once (so /bin/python3 and /usr/bin/python3 on a merged-/usr system count once).
 */
public final class InterpreterFinder {

  static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

  private final InterpreterProbe probe;
  private final Map<String, String> environment;

  public InterpreterFinder(InterpreterProbe probe, Map<String, String> environment) {
    this.probe = probe;
    this.environment = Map.copyOf(environment);
  }

  /**
   * @throws JobException (failure) listing every interpreter tried and what each is missing
   */
  public InterpreterReport choose(Optional<Path> explicit, List<String> imports) throws JobException {
    List<Path> candidates = explicit.map(List::of).orElseGet(this::candidates);
    if (candidates.isEmpty()) {
      throw JobException.failure("no python3 found: tried " + SYSTEM_PYTHON + " and PATH; pass --python PATH");
    }
    Map<Path, String> rejected = new LinkedHashMap<>();
    for (Path candidate : candidates) {
      try {
        InterpreterReport report = probe.probe(candidate, imports);
        List<String> missing = report.missing();
        if (missing.isEmpty()) {
          return report;
        }
        rejected.put(candidate, "cannot import " + String.join(", ", missing));
      } catch (InterpreterProbe.ProbeFailure e) {
        rejected.put(candidate, e.getMessage());
      }
    }
    StringBuilder message = new StringBuilder(explicit.isPresent()
        ? "the interpreter given with --python cannot run this job (python.imports: " + String.join(", ", imports) + "):"
        : "no Python interpreter can import all of python.imports (" + String.join(", ", imports) + "); tried:");
    rejected.forEach((path, why) -> message.append("\n  ").append(path).append(": ").append(why));
    message.append("\ninstall the missing packages, or pass --python PATH");
    throw JobException.failure(message.toString());
  }

  /** /usr/bin/python3, then python3 in each PATH directory, de-duplicated by real path. */
  List<Path> candidates() {
    List<Path> found = new ArrayList<>();
    List<Path> realPaths = new ArrayList<>();
    List<Path> all = new ArrayList<>();
    all.add(SYSTEM_PYTHON);
    for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!directory.isEmpty()) {
        all.add(Path.of(directory, "python3"));
      }
    }
    for (Path candidate : all) {
      if (!Files.isExecutable(candidate) || Files.isDirectory(candidate)) {
        continue;
      }
      Path real;
      try {
        real = candidate.toRealPath();
      } catch (IOException e) {
        continue;
      }
      if (!realPaths.contains(real)) {
        realPaths.add(real);
        found.add(candidate);
      }
    }
    return found;
  }
}
