package dev.lockstep.packaging.image;

import dev.lockstep.packaging.PackagingException;
import dev.lockstep.jobformat.hash.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import dev.lockstep.runtime.process.ShortCommand;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The image's Java: a runtime made with {@code jlink} holding only the modules the Lockstep
 * runtime jar needs, as {@code jdeps} finds them, from the JDK that runs Lockstep (jdeps in this
 * JVM, jlink in a process of its own: see {@link #jlink}). The result is cached by JDK version
 * and module list: it is the most stable layer of the image, so it is made once per JDK.
 */
public final class JavaRuntimeImage {

  private static final List<String> JLINK_OPTIONS =
      List.of("--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2");

  private JavaRuntimeImage() {}

  /** The module list for a jar, e.g. {@code java.base,java.desktop,java.sql}. */
  public static String modules(Path jar) throws PackagingException {
    String output = run("jdeps", List.of("--multi-release", Integer.toString(Runtime.version().feature()),
        "--print-module-deps", "--ignore-missing-deps", jar.toString()));
    String modules = output.strip().lines().reduce((a, b) -> b).orElse("").strip();
    if (!modules.matches("[a-z0-9.,]+")) {
      throw PackagingException.failure("jdeps gave no module list for " + jar + ": " + output.strip());
    }
    return modules;
  }

  /** A jlinked runtime for the jar's modules, from the cache when this JDK made it before. */
  public static Path forJar(Path jar, Path cacheRoot) throws PackagingException {
    String modules = modules(jar);
    String key = Sha256.of((System.getProperty("java.home") + "\n" + Runtime.version() + "\n" + modules + "\n"
        + String.join(" ", JLINK_OPTIONS) + "\nhashCode=2").getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    Path cached = cacheRoot.resolve("jlink").resolve(Runtime.version().feature() + "-" + key);
    if (Files.isExecutable(cached.resolve("bin/java"))) {
      return cached;
    }
    try {
      Files.createDirectories(cached.getParent());
      Path temporary = Files.createTempDirectory(cached.getParent(), "tmp-");
      Path output = temporary.resolve("java");
      jlink(modules, output);
      try {
        Files.move(output, cached, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // another build made it meanwhile: keep theirs
      }
      deleteRecursively(temporary);
      return cached;
    } catch (IOException e) {
      throw PackagingException.failure("cannot make the Java runtime with jlink in " + cached.getParent() + ": " + e.getMessage());
    }
  }

  /**
   * jlink in a process of its own with every identity hash code fixed: jlink's module image
   * depends on the iteration order of identity-hashed objects, so an in-process run (whose
   * hash state depends on everything the JVM did before) or a run with other GC/JIT flags gives
   * other bytes. {@code -XX:hashCode=2} makes every identity hash 1, and the image the same on
   * every run and machine with this JDK (measured: same bytes with C1 only, Serial GC, 1 CPU).
   */
  private static void jlink(String modules, Path output) throws PackagingException, IOException {
    Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
    if (!Files.isExecutable(jlink)) {
      throw PackagingException.failure("no jlink in " + System.getProperty("java.home") + ": building an image needs a full JDK");
    }
    List<String> command = new ArrayList<>(List.of(jlink.toString(), "-J-XX:+UnlockExperimentalVMOptions", "-J-XX:hashCode=2",
        "--add-modules", modules, "--output", output.toString()));
    command.addAll(JLINK_OPTIONS);
    ShortCommand.Result result = ShortCommand.run(command, System.getenv(), output.getParent(), Duration.ofMinutes(15));
    if (!result.succeeded()) {
      throw PackagingException.failure("jlink failed (exit " + result.exitCode() + "): " + (result.stderr() + result.stdout()).strip());
    }
  }

  private static String run(String tool, List<String> arguments) throws PackagingException {
    ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> PackagingException.failure(
        tool + " is not available in this Java (" + System.getProperty("java.home") + "): building an image needs a full JDK"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = provider.run(o, e, arguments.toArray(String[]::new));
    }
    if (code != 0) {
      throw PackagingException.failure(tool + " failed (exit " + code + "): " + (err.toString(StandardCharsets.UTF_8)
          + out.toString(StandardCharsets.UTF_8)).strip());
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
