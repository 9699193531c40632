package dev.lockstep.runtime.hashing;

import dev.lockstep.jobformat.JobLayout;
import dev.lockstep.jobformat.hash.HashManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity of a job's code and config: the {@link HashManifest} hash of
 * {@code lockstep.yaml} and every regular file under {@code pipeline/}, paths relative to the
 * job directory.
 *
 * <p>Python's byte-code caches ({@code __pycache__/}, {@code *.pyc}) are left out: an
 * interpreter writes them while running, and running a job must not change its hash. Inputs,
 * the README, the launcher and {@code runs/} are left out too: inputs are hashed on their own,
 * and the others do not change what the job computes.
 */
public final class JobHash {

  private JobHash() {}

  public static String of(Path jobDirectory) throws IOException {
    return HashManifest.hash(entries(jobDirectory));
  }

  /** The text that is hashed; public so a reviewer can see exactly what the hash covers. */
  public static String manifest(Path jobDirectory) throws IOException {
    return HashManifest.text(entries(jobDirectory));
  }

  private static List<HashManifest.Entry> entries(Path jobDirectory) throws IOException {
    List<String> paths = new ArrayList<>();
    paths.add(JobLayout.CONFIG);
    Path pipeline = jobDirectory.resolve(JobLayout.PIPELINE);
    if (Files.isDirectory(pipeline)) {
      for (String file : HashManifest.files(pipeline)) {
        String path = JobLayout.PIPELINE + "/" + file;
        if (isSource(path)) {
          paths.add(path);
        }
      }
    }
    return HashManifest.entries(jobDirectory, paths);
  }

  private static boolean isSource(String relativePath) {
    return !relativePath.contains("/__pycache__/") && !relativePath.endsWith(".pyc");
  }
}
