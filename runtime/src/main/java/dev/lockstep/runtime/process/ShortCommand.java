package dev.lockstep.runtime.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short helper command (an interpreter probe, nvidia-smi) and captures its output.
 * Both streams are drained on their own threads so a chatty command cannot block on a full
 * pipe; a command past its timeout is killed.
 */
public final class ShortCommand {

  private ShortCommand() {}

  /** What a finished command printed; {@code exitCode} is -1 when it timed out and was killed. */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /**
   * @throws IOException when the command cannot be started at all (not found, not executable)
   */
  public static Result run(List<String> command, Map<String, String> environment, Path workingDirectory, Duration timeout)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close(); // no stdin: a probe that waits for input must not hang
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor();
        return new Result(-1, stdout.join(), stderr.join() + "\n(timed out after " + timeout.toSeconds() + " s)");
      }
      return new Result(process.exitValue(), stdout.join(), stderr.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        stream.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, runnable -> {
      Thread thread = new Thread(runnable, "lockstep-drain");
      thread.setDaemon(true);
      thread.start();
    });
  }
}
