package dev.lockstep.runtime.record;

import dev.lockstep.jobformat.JobLayout;
import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.runtime.compare.text.VolatileText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Summarises a run's run.log for its record: its hash, and the hash of its text with volatile parts masked. */
public final class RunLog {

  private RunLog() {}

  /** Null when the run left no log. */
  public static RunRecord.Log record(Path logFile) throws IOException {
    if (!Files.isRegularFile(logFile)) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(logFile);
    VolatileText.Masked masked = VolatileText.mask(new String(bytes, StandardCharsets.UTF_8));
    return new RunRecord.Log(JobLayout.RUN_LOG, Sha256.of(bytes), Sha256.of(masked.text().getBytes(StandardCharsets.UTF_8)),
        masked.kinds().stream().map(VolatileText.Kind::label).toList());
  }
}
