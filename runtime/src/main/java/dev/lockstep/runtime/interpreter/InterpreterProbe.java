package dev.lockstep.runtime.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks an interpreter, by running it, whether it has the job's modules and which versions. It
 * finds them without importing (importing torch costs about a second on every run); a module
 * that is present but broken fails the job at its import, with the cell named.
 */
public final class InterpreterProbe {

  // Scanning the installed distributions on a cold disk can take a while.
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String MARKER = "LOCKSTEP-PROBE ";
  private static final String SCRIPT = loadScript();

  private final Map<String, String> environment;
  private final Path jobDirectory;

  /**
   * @param environment the environment the job will run with, so imports see what the job sees
   */
  public InterpreterProbe(Map<String, String> environment, Path jobDirectory) {
    this.environment = Map.copyOf(environment);
    this.jobDirectory = jobDirectory;
  }

  /**
   * @throws ProbeFailure when the command does not run or does not answer like a Python 3
   */
  public InterpreterReport probe(Path command, List<String> modules) throws ProbeFailure {
    List<String> arguments = new ArrayList<>(List.of(command.toString(), "-B", "-c", SCRIPT,
        jobDirectory.resolve(JobLayout.PIPELINE).toString()));
    arguments.addAll(modules);
    ShortCommand.Result result;
    try {
      result = ShortCommand.run(arguments, environment, jobDirectory, TIMEOUT);
    } catch (IOException e) {
      throw new ProbeFailure("cannot run: " + e.getMessage());
    }
    String line = result.stdout().lines().filter(l -> l.startsWith(MARKER)).reduce((a, b) -> b).orElse(null);
    if (!result.succeeded() || line == null) {
      String detail = result.stderr().strip().lines().reduce((a, b) -> b).orElse("no output");
      throw new ProbeFailure("not a working Python 3 (exit " + result.exitCode() + ": " + detail + ")");
    }
    try {
      JsonNode report = CanonicalJson.mapper().readTree(line.substring(MARKER.length()));
      Map<String, ModuleStatus> statuses = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : report.get("modules").properties()) {
        JsonNode module = entry.getValue();
        statuses.put(entry.getKey(), new ModuleStatus(module.path("importable").asBoolean(),
            text(module, "distribution"), text(module, "version"), text(module, "error")));
      }
      return new InterpreterReport(command.toString(), text(report, "executable"), text(report, "version"), statuses);
    } catch (IOException | RuntimeException e) {
      throw new ProbeFailure("gave an unreadable probe report: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String loadScript() {
    try (InputStream in = InterpreterProbe.class.getResourceAsStream("probe_interpreter.py")) {
      if (in == null) {
        throw new IllegalStateException("probe_interpreter.py is missing from the runtime jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The candidate could not be probed at all; the message says why, for the error listing. */
  public static final class ProbeFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ProbeFailure(String message) {
      super(message);
    }
  }
}
