package dev.lockstep.runtime.record;

import dev.lockstep.jobformat.JobLayout;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Run ids sort by time: {@code 20261127T101500.123Z-1a2b3c4d}, a UTC timestamp to the
 * millisecond and the first 8 hex digits of the job hash (which version of the job ran). Two
 * runs in the same millisecond get {@code -2}, {@code -3}... appended; the directory is
 * created atomically, so concurrent runs never share one.
 */
public final class RunId {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private RunId() {}

  public static String format(Instant start, String jobSha256) {
    return STAMP.format(start) + "-" + jobSha256.substring(0, 8);
  }

  /** Creates {@code runs/<run-id>/} under the job directory and returns it. */
  public static Path createRunDirectory(Path jobDirectory, Instant start, String jobSha256) throws IOException {
    Path runs = Files.createDirectories(jobDirectory.resolve(JobLayout.RUNS));
    String base = format(start, jobSha256);
    for (int attempt = 1; ; attempt++) {
      Path candidate = runs.resolve(attempt == 1 ? base : base + "-" + attempt);
      try {
        return Files.createDirectory(candidate);
      } catch (FileAlreadyExistsException taken) {
        // same millisecond as another run: try the next suffix
      }
    }
  }
}
