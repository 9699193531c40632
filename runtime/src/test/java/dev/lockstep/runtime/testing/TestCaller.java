package dev.lockstep.runtime.testing;

import dev.lockstep.runtime.CallerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A caller whose stdout and stderr are captured, with this process's environment plus extras. */
public final class TestCaller {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Map<String, String> environment;
  private final Path workingDirectory;

  private TestCaller(Map<String, String> environment, Path workingDirectory) {
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  public static TestCaller in(Path workingDirectory) {
    return new TestCaller(new HashMap<>(System.getenv()), workingDirectory);
  }

  public TestCaller with(String variable, String value) {
    environment.put(variable, value);
    return this;
  }

  public TestCaller without(String variable) {
    environment.remove(variable);
    return this;
  }

  public CallerContext context() {
    return new CallerContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        environment, workingDirectory, Clock.systemUTC());
  }

  public String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  public String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
