package dev.lockstep.packaging.image;

import dev.lockstep.packaging.PackagingException;
import dev.lockstep.runtime.process.ShortCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code --wheels DIR}: installs the lock's pinned requirements from a local wheelhouse, offline
 * ({@code pip install --no-index --find-links DIR --target T}), into a folder that becomes the
 * image's Python-packages layer. Wheels only (no source builds), no byte-code compilation (a
 * .pyc holds its source's mtime and would change the layer's bytes).
 */
public final class WheelInstaller {

  private WheelInstaller() {}

  /** @return installed distributions by normalized name, read back from their METADATA */
  public static Map<String, BaseImageContents.InstalledPackage> install(Path python, Path wheels, List<String> requirements,
      Path target) throws PackagingException {
    if (!Files.isDirectory(wheels)) {
      throw PackagingException.usage("--wheels " + wheels + ": not a directory");
    }
    List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "--no-index", "--find-links",
        wheels.toString(), "--target", target.toString(), "--no-compile", "--only-binary=:all:",
        "--disable-pip-version-check", "--no-warn-script-location", "--quiet"));
    command.addAll(requirements);
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("PIP_NO_CACHE_DIR", "1");
    environment.put("SOURCE_DATE_EPOCH", "1");
    ShortCommand.Result result;
    try {
      result = ShortCommand.run(command, environment, wheels, Duration.ofMinutes(20));
    } catch (IOException e) {
      throw PackagingException.failure("cannot run pip with " + python + ": " + e.getMessage());
    }
    if (!result.succeeded()) {
      throw PackagingException.failure("pip could not install the locked requirements from " + wheels + " (exit "
          + result.exitCode() + "):\n" + result.stderr().strip());
    }
    Map<String, BaseImageContents.InstalledPackage> installed = new TreeMap<>();
    try (Stream<Path> entries = Files.list(target)) {
      for (Path metadata : entries.filter(p -> p.getFileName().toString().endsWith(".dist-info"))
          .map(p -> p.resolve("METADATA")).filter(Files::isRegularFile).sorted().toList()) {
        String name = null;
        String version = null;
        for (String line : Files.readAllLines(metadata, StandardCharsets.UTF_8)) {
          if (line.isEmpty()) {
            break;
          }
          if (name == null && line.startsWith("Name:")) {
            name = line.substring(5).strip();
          } else if (version == null && line.startsWith("Version:")) {
            version = line.substring(8).strip();
          }
        }
        if (name != null && version != null) {
          installed.put(BaseImageContents.normalize(name), new BaseImageContents.InstalledPackage(name, version,
              ImageBuilder.PYTHON_PACKAGES + "/" + target.relativize(metadata)));
        }
      }
    } catch (IOException e) {
      throw PackagingException.failure("cannot read what pip installed in " + target + ": " + e.getMessage());
    }
    return installed;
  }
}
