package dev.lockstep.runtime.record;

import dev.lockstep.jobformat.JobLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code runs/<run-id>/config.json}: the resolved config main.py reads through
 * {@code LOCKSTEP_CONFIG} (seed, params after overrides, absolute input and output paths).
 * Keys sorted, as docs/job-format.md shows.
 */
public final class RunConfigFile {

  private RunConfigFile() {}

  public record Content(long seed, Map<String, Object> params, Map<String, String> inputs, Map<String, String> outputs) {}

  public static Path write(Path runDirectory, Content content) throws IOException {
    Path file = runDirectory.resolve(JobLayout.RUN_CONFIG);
    AtomicFiles.write(file, CanonicalJson.write(content));
    return file;
  }
}
