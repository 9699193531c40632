package dev.lockstep.runtime.record;

import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.jobformat.OutputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hashes the declared outputs a run wrote, and names those it did not write. */
public final class OutputCollector {

  private OutputCollector() {}

  public record Collected(Map<String, RunRecord.Output> outputs, List<String> missing) {}

  public static Collected collect(Path runDirectory, Collection<OutputSpec> declared) throws IOException {
    Map<String, RunRecord.Output> outputs = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (OutputSpec output : declared) {
      Path file = runDirectory.resolve(output.path());
      if (Files.isRegularFile(file)) {
        Sha256.FileDigest digest = Sha256.ofFile(file);
        outputs.put(output.name(), new RunRecord.Output(output.path(), digest.sha256(), digest.size()));
      } else {
        outputs.put(output.name(), new RunRecord.Output(output.path(), null, null));
        missing.add(output.name());
      }
    }
    return new Collected(outputs, missing);
  }
}
