package dev.lockstep.packaging.lock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.packaging.PackagingException;
import dev.lockstep.runtime.process.ShortCommand;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.jobformat.JobLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Asks an interpreter which installed distribution provides each module the job imports, and at
 * which version, through its own {@code importlib.metadata.packages_distributions()} (run as
 * lock_probe.py; nothing is imported). The answer is the interpreter's, never a guess from the
 * import name: {@code sklearn} pins {@code scikit-learn} because the metadata says so.
 */
public final class PythonPins {

  private static final String MARKER = "LOCKSTEP-LOCK ";
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  /** What the interpreter said. */
  public record Closure(String executable, String version, String implementation, List<LockFile.Package> packages,
      LockFile.Imports imports) {}

  private PythonPins() {}

  public static Closure probe(Path interpreter, Path jobDirectory, List<String> imports, Map<String, String> environment)
      throws PackagingException {
    List<String> command = new ArrayList<>(List.of(interpreter.toString(), "-B", "-c", script(),
        jobDirectory.resolve(JobLayout.PIPELINE).toString()));
    command.addAll(imports);
    ShortCommand.Result result;
    try {
      result = ShortCommand.run(command, environment, jobDirectory, TIMEOUT);
    } catch (IOException e) {
      throw PackagingException.failure("cannot run " + interpreter + ": " + e.getMessage());
    }
    String line = result.stdout().lines().filter(l -> l.startsWith(MARKER)).reduce((a, b) -> b).orElse(null);
    if (!result.succeeded() || line == null) {
      String detail = result.stderr().strip().lines().reduce((a, b) -> b).orElse("no output");
      throw PackagingException.failure(interpreter + " could not be asked for its packages (exit " + result.exitCode()
          + ": " + detail + "); lock needs Python 3.10 or newer");
    }
    JsonNode report;
    try {
      report = CanonicalJson.mapper().readTree(line.substring(MARKER.length()));
    } catch (IOException e) {
      throw PackagingException.failure(interpreter + " gave an unreadable package report: " + e.getMessage());
    }
    Map<String, String> versions = new TreeMap<>();
    Map<String, TreeSet<String>> importsByDistribution = new TreeMap<>();
    TreeSet<String> stdlib = new TreeSet<>();
    TreeSet<String> local = new TreeSet<>();
    List<LockFile.Unresolved> unresolved = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : report.path("modules").properties()) {
      JsonNode module = entry.getValue();
      switch (module.path("kind").asText()) {
        case "stdlib" -> stdlib.add(entry.getKey());
        case "local" -> local.add(entry.getKey());
        case "installed" -> module.path("distributions").properties().forEach(distribution -> {
          versions.put(distribution.getKey(), distribution.getValue().asText());
          importsByDistribution.computeIfAbsent(distribution.getKey(), k -> new TreeSet<>()).add(entry.getKey());
        });
        default -> unresolved.add(new LockFile.Unresolved(entry.getKey(), module.path("reason").asText("unknown")));
      }
    }
    List<LockFile.Package> packages = new ArrayList<>();
    versions.forEach((name, version) -> packages.add(new LockFile.Package(name, version,
        List.copyOf(importsByDistribution.get(name)))));
    unresolved.sort((a, b) -> a.module().compareTo(b.module()));
    return new Closure(report.path("executable").asText(), report.path("version").asText(),
        report.path("implementation").asText(), packages,
        new LockFile.Imports(List.copyOf(stdlib), List.copyOf(local), unresolved));
  }

  private static String script() {
    try (InputStream in = PythonPins.class.getResourceAsStream("lock_probe.py")) {
      if (in == null) {
        throw new IllegalStateException("lock_probe.py is missing from the packaging jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
