package dev.lockstep.runtime.record;

import dev.lockstep.jobformat.OutputSpec;
import dev.lockstep.jobformat.hash.HashManifest;
import dev.lockstep.jobformat.hash.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hashes the declared outputs a run wrote, and names those it did not write. A folder output is
 * hashed by its {@link HashManifest} (its size is that of all its files); an empty folder was not
 * written (the runtime creates it before the run).
 */
public final class OutputCollector {

  private OutputCollector() {}

  public record Collected(Map<String, RunRecord.Output> outputs, List<String> missing) {}

  public static Collected collect(Path runDirectory, Collection<OutputSpec> declared) throws IOException {
    Map<String, RunRecord.Output> outputs = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (OutputSpec output : declared) {
      Path path = runDirectory.resolve(output.path());
      RunRecord.Output recorded = null;
      if (output.isFolder() && Files.isDirectory(path)) {
        List<HashManifest.Entry> entries = HashManifest.entries(path);
        if (!entries.isEmpty()) {
          recorded = new RunRecord.Output(output.path(), HashManifest.hash(entries),
              entries.stream().mapToLong(HashManifest.Entry::size).sum());
        }
      } else if (!output.isFolder() && Files.isRegularFile(path)) {
        Sha256.FileDigest digest = Sha256.ofFile(path);
        recorded = new RunRecord.Output(output.path(), digest.sha256(), digest.size());
      }
      if (recorded == null) {
        outputs.put(output.name(), new RunRecord.Output(output.path(), null, null));
        missing.add(output.name());
      } else {
        outputs.put(output.name(), recorded);
      }
    }
    return new Collected(outputs, missing);
  }
}
