package dev.lockstep.runtime.testing;

import dev.lockstep.jobformat.hash.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Job directories for tests: copied from src/test/resources/jobs/NAME (runs write into the job
 * directory, so never run a resource in place) or written file by file.
 */
public final class JobFixture {

  private JobFixture() {}

  /** Copies the fixture job {@code name} into {@code target} and returns target. */
  public static Path copy(String name, Path target) {
    URL url = JobFixture.class.getResource("/jobs/" + name + "/lockstep.yaml");
    if (url == null) {
      throw new IllegalArgumentException("no fixture job " + name);
    }
    try {
      Path source = Path.of(url.toURI()).getParent();
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Path destination = target.resolve(source.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(destination);
          } else {
            Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(Path file) {
    try {
      return Sha256.ofFile(file).sha256();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under {@code directory}, for "this never appears anywhere" checks. */
  public static List<Path> filesUnder(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An executable shell script (a stand-in interpreter that wraps the real one). */
  public static Path script(Path file, String text) {
    write(file, text);
    if (!file.toFile().setExecutable(true)) {
      throw new IllegalStateException("cannot make " + file + " executable");
    }
    return file;
  }
}
