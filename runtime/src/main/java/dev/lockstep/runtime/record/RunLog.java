package dev.lockstep.runtime.record;

import dev.lockstep.jobformat.JobLayout;
import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.runtime.compare.text.VolatileText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A run's printed output for its record and for verify: each stream (stdout.log, stderr.log)
 * alone, since the order two streams interleave in run.log depends on timing.
 */
public final class RunLog {

  private RunLog() {}

  /** The two streams of a run, as text; null when the run left no stream logs. */
  public record Streams(String stdout, String stderr) {

    /** Both streams masked, labelled so a line cannot move from one stream to the other unnoticed. */
    public VolatileText.Masked masked() {
      VolatileText.Masked out = VolatileText.mask(stdout);
      VolatileText.Masked err = VolatileText.mask(stderr);
      Set<VolatileText.Kind> kinds = EnumSet.noneOf(VolatileText.Kind.class);
      kinds.addAll(out.kinds());
      kinds.addAll(err.kinds());
      return new VolatileText.Masked("--- stdout\n" + out.text() + "\n--- stderr\n" + err.text(), List.copyOf(kinds));
    }
  }

  public static Streams read(Path runDirectory) throws IOException {
    Path stdout = runDirectory.resolve(JobLayout.RUN_STDOUT);
    Path stderr = runDirectory.resolve(JobLayout.RUN_STDERR);
    if (!Files.isRegularFile(stdout) || !Files.isRegularFile(stderr)) {
      return null;
    }
    return new Streams(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** Null when the run left no stream logs. */
  public static RunRecord.Log record(Path runDirectory) throws IOException {
    Streams streams = read(runDirectory);
    if (streams == null) {
      return null;
    }
    VolatileText.Masked masked = streams.masked();
    return new RunRecord.Log(JobLayout.RUN_LOG,
        Sha256.ofFile(runDirectory.resolve(JobLayout.RUN_STDOUT)).sha256(),
        Sha256.ofFile(runDirectory.resolve(JobLayout.RUN_STDERR)).sha256(),
        Sha256.of(masked.text().getBytes(StandardCharsets.UTF_8)),
        masked.kinds().stream().map(VolatileText.Kind::label).toList());
  }
}
