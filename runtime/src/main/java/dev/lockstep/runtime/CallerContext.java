package dev.lockstep.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's side of a run: where output goes, the environment the job inherits and secrets
 * come from, the directory relative command-line paths are resolved against, and the clock
 * run ids and timings come from. Injected so tests and the CLI control all of it.
 *
 * @param out receives the job's stdout and the runtime's reports
 * @param err receives the job's stderr, progress lines and warnings
 * @param frontEnd the command the user typed, so hints use its syntax
 */
public record CallerContext(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory,
    Clock clock, FrontEnd frontEnd) {

  public CallerContext {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    environment = Map.copyOf(environment);
    workingDirectory = workingDirectory.toAbsolutePath();
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(frontEnd, "frontEnd");
  }

  /** A caller behind the {@code lockstep} command line. */
  public CallerContext(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory, Clock clock) {
    this(out, err, environment, workingDirectory, clock, FrontEnd.cli("lockstep"));
  }

  /** This JVM's streams, environment, working directory and UTC clock, reached through the runtime jar. */
  public static CallerContext system() {
    return new CallerContext(System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(), Clock.systemUTC(),
        FrontEnd.runtimeJar());
  }

  /** The same caller reached through {@code frontEnd}. */
  public CallerContext via(FrontEnd frontEnd) {
    return new CallerContext(out, err, environment, workingDirectory, clock, frontEnd);
  }
}
