package dev.lockstep.runtime.replay;

import dev.lockstep.runtime.record.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code replay --record DIR}: the JSON report kept under a folder the user names, one file per
 * notebook and mode, so a review report can include the verdict.
 */
public final class ReplayRecord {

  private ReplayRecord() {}

  /** The record's file name: {@code <notebook stem>.replay[-twice][-seeded].json}. */
  public static String fileName(ReplayReport report) {
    String name = Path.of(report.notebook()).getFileName().toString();
    String stem = name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
    return stem + ".replay" + (report.twice() ? "-twice" : "") + (report.seeding() == Seeding.SEEDED ? "-seeded" : "")
        + ".json";
  }

  public static Path write(ReplayReport report, Path directory) throws ReplayException {
    Path target = directory.resolve(fileName(report));
    try {
      AtomicFiles.write(target, ReplayReportFormat.jsonText(report));
    } catch (IOException e) {
      throw ReplayException.usage("--record " + directory + ": cannot write " + target + ": " + e.getMessage());
    }
    return target;
  }
}
