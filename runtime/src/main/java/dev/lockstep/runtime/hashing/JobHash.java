package dev.lockstep.runtime.hashing;

import dev.lockstep.runtime.spec.JobLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of a job's code and config: SHA-256 of a manifest with one line per file,
 * {@code <sha256 hex>  <path>\n} (sha256sum's format), for {@code lockstep.yaml} and every
 * regular file under {@code pipeline/}, paths relative to the job directory with "/",
 * sorted by their UTF-8 bytes.
 *
 * <p>Python's byte-code caches ({@code __pycache__/}, {@code *.pyc}) are left out: an
 * interpreter writes them while running, and running a job must not change its hash. Inputs,
 * the README, the launcher and {@code runs/} are left out too: inputs are hashed on their own,
 * and the others do not change what the job computes.
 */
public final class JobHash {

  private JobHash() {}

  public static String of(Path jobDirectory) throws IOException {
    return Sha256.of(manifest(jobDirectory).getBytes(StandardCharsets.UTF_8));
  }

  /** The text that is hashed; public so a reviewer can see exactly what the hash covers. */
  public static String manifest(Path jobDirectory) throws IOException {
    List<String> paths = new ArrayList<>();
    paths.add(JobLayout.CONFIG);
    Path pipeline = jobDirectory.resolve(JobLayout.PIPELINE);
    if (Files.isDirectory(pipeline)) {
      try (Stream<Path> walk = Files.walk(pipeline)) {
        walk.filter(Files::isRegularFile)
            .map(file -> jobDirectory.relativize(file).toString().replace('\\', '/'))
            .filter(JobHash::isSource)
            .forEach(paths::add);
      }
    }
    paths.sort(Comparator.comparing(path -> path.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
    StringBuilder manifest = new StringBuilder();
    for (String path : paths) {
      manifest.append(Sha256.ofFile(jobDirectory.resolve(path)).sha256()).append("  ").append(path).append('\n');
    }
    return manifest.toString();
  }

  private static boolean isSource(String relativePath) {
    return !relativePath.contains("/__pycache__/") && !relativePath.endsWith(".pyc");
  }
}
