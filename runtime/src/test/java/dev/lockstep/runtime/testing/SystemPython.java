package dev.lockstep.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's /usr/bin/python3, which the tests run real jobs with. Tests that need numpy or torch
 * call {@link #requireNumpy()} / {@link #requireTorch()}: they fail (never skip) with the fix
 * when the module is absent, because a skipped determinism test is a silent hole. The project's
 * test command (scripts/test.sh) installs python3-numpy and python3-torch.
 */
public final class SystemPython {

  public static final Path PATH = Path.of("/usr/bin/python3");

  private SystemPython() {}

  public static void requireNumpy() {
    require("numpy", "python3-numpy");
  }

  public static void requireTorch() {
    require("torch", "python3-torch");
  }

  private static void require(String module, String debianPackage) {
    Result result = run("-c", "import " + module);
    assertThat(result.exitCode())
        .withFailMessage("%s cannot import %s, which these tests need (install %s; scripts/ensure-python-packages.sh does):%n%s",
            PATH, module, debianPackage, result.output())
        .isZero();
  }

  /** Runs /usr/bin/python3 with {@code arguments}; fails the test if it cannot start. */
  public static Result run(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(PATH.toString());
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError(PATH + " cannot be run (these tests need Debian's python3 with numpy): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public record Result(int exitCode, String output) {}
}
