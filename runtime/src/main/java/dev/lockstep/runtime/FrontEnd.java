package dev.lockstep.runtime;

import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.LauncherFlags;
import java.util.Objects;

/**
 * The command the user typed to reach the runtime, so every hint is written in its syntax:
 * {@code lockstep run DIR --input data=PATH}, {@code java RunJob.java --data PATH}, or the runtime
 * jar's own {@code java -jar lib/lockstep-runtime.jar run DIR --input data=PATH}.
 *
 * @param program for {@link Kind#CLI}, the command as the user invoked it ({@code lockstep},
 *     {@code ./lockstep}); unused otherwise
 */
public record FrontEnd(Kind kind, String program) {

  public enum Kind {
    /** The {@code lockstep} command line. */
    CLI,
    /** A job's {@code RunJob.java}, which has one typed option per parameter and input. */
    RUN_JOB,
    /** {@code java -jar lib/lockstep-runtime.jar}. */
    RUNTIME_JAR
  }

  public FrontEnd {
    Objects.requireNonNull(kind, "kind");
    program = program == null || program.isBlank() ? "lockstep" : program;
  }

  public static FrontEnd cli(String program) {
    return new FrontEnd(Kind.CLI, program);
  }

  public static FrontEnd runJob() {
    return new FrontEnd(Kind.RUN_JOB, null);
  }

  public static FrontEnd runtimeJar() {
    return new FrontEnd(Kind.RUNTIME_JAR, null);
  }

  /** The command that runs the job, e.g. {@code lockstep run job} or {@code java RunJob.java}. */
  public String runCommand(String jobDirectory) {
    return command("run", jobDirectory);
  }

  /** The command that verifies the job. */
  public String verifyCommand(String jobDirectory) {
    return command("verify", jobDirectory);
  }

  private String command(String mode, String jobDirectory) {
    return switch (kind) {
      case CLI -> program + " " + mode + " " + jobDirectory;
      case RUN_JOB -> "java RunJob.java" + (mode.equals("run") ? "" : " " + mode);
      case RUNTIME_JAR -> "java -jar lib/lockstep-runtime.jar " + mode + " " + jobDirectory;
    };
  }

  /** The option that binds input {@code name} to {@code path}: {@code --input data=PATH} or {@code --data PATH}. */
  public String inputOption(JobSpec spec, String name, String path) {
    return option(spec, LauncherFlags.Kind.INPUT, "--input", name, path);
  }

  /** The option that sets parameter {@code name}: {@code --param epochs=3} or {@code --epochs 3}. */
  public String paramOption(JobSpec spec, String name, String value) {
    return option(spec, LauncherFlags.Kind.PARAM, "--param", name, value);
  }

  private String option(JobSpec spec, LauncherFlags.Kind optionKind, String generic, String name, String value) {
    if (kind == Kind.RUN_JOB) {
      String flag = LauncherFlags.of(spec).get(new LauncherFlags.Named(optionKind, name));
      if (flag != null) {
        return flag + " " + value;
      }
    }
    return generic + " " + name + "=" + value;
  }
}
