package dev.lockstep.runtime.failure;

import dev.lockstep.jobformat.JobLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Turns a failed process (exit code and stderr) into a {@link FailureDiagnosis}. */
public final class FailureLocator {

  private FailureLocator() {}

  public static FailureDiagnosis diagnose(int exitCode, String stderrTail, Path jobDirectory) {
    Path mainPy = jobDirectory.resolve(JobLayout.MAIN_PY);
    Optional<TracebackLocation> location = TracebackParser.parse(stderrTail, jobDirectory, mainPy);
    if (location.isEmpty()) {
      return new FailureDiagnosis("job failed with " + describeExit(exitCode) + " (no Python traceback in " + JobLayout.MAIN_PY + ")",
          Optional.empty(), Optional.empty(), Optional.empty());
    }
    int line = location.get().line();
    Optional<CellMarker> cell = CellMarkers.parse(readLines(mainPy)).cellAt(line);
    String where = cell.map(c -> c.describe() + ", " + JobLayout.MAIN_PY + " line " + line)
        .orElse(JobLayout.MAIN_PY + " line " + line + " (before the first notebook cell)");
    return new FailureDiagnosis("job failed in " + where + ": " + location.get().exception(),
        cell, Optional.of(line), Optional.of(location.get().exception()));
  }

  static String describeExit(int exitCode) {
    if (exitCode > 128 && exitCode < 160) {
      return "exit code " + exitCode + " (killed by signal " + (exitCode - 128) + ")";
    }
    return "exit code " + exitCode;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of(); // the traceback still names the line; only the cell is unknown
    }
  }
}
