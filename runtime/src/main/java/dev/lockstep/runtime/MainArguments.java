package dev.lockstep.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@link Main}'s command line by hand (the runtime jar stays free of CLI libraries).
 * Options take their value as the next argument or after "=": {@code --python /usr/bin/python3}
 * or {@code --python=/usr/bin/python3}.
 */
final class MainArguments {

  /** What the command line asks for. */
  sealed interface Command permits Help, Run, Verify, CompareRuns {}

  record Help() implements Command {}

  record Run(RunRequest request) implements Command {}

  record Verify(VerifyRequest request) implements Command {}

  record CompareRuns(Path jobDirectory, String baselineRunId, String candidateRunId) implements Command {}

  static final String USAGE = String.join("\n",
      "usage: java -jar lockstep-runtime.jar run DIR [options]",
      "       java -jar lockstep-runtime.jar verify DIR [--against RUN] [options]",
      "       java -jar lockstep-runtime.jar verify DIR --runs BASELINE CANDIDATE",
      "",
      "  run      run the job in DIR: verify inputs, run pipeline/main.py, record runs/<run-id>/",
      "  verify   run the job again and compare its outputs and printed output with the newest",
      "           successful run of the same parameters, inputs and seed (or --against RUN);",
      "           with --runs, compare two recorded runs without running",
      "",
      "options for run and verify:",
      "  --param NAME=VALUE   override a parameter, checked against its declared type (repeatable)",
      "  --input NAME=PATH    read this file or folder for an input in this run; its hash is recorded (repeatable)",
      "  --python PATH        the interpreter (default: the first python3 that imports python.imports)",
      "  --strict-hardware    refuse to run when the machine differs from lockstep.yaml's hardware",
      "",
      "exit codes: 0 success, 1 job failed or outputs differ, 2 bad config or usage",
      "");

  private MainArguments() {}

  /** The command line without {@code --front-end}, and the front end it names. */
  record Caller(List<String> arguments, Optional<FrontEnd> frontEnd) {}

  /**
   * Takes out {@code --front-end KIND} (not in the usage: RunJob.java passes {@code run-job} so
   * hints name its typed options; {@code cli:PROGRAM} names the lockstep command as invoked).
   */
  static Caller frontEnd(List<String> args) throws JobException {
    List<String> rest = new ArrayList<>();
    Optional<FrontEnd> frontEnd = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String value;
      if (arg.equals("--front-end")) {
        if (i + 1 >= args.size()) {
          throw JobException.usage("--front-end needs a value");
        }
        value = args.get(++i);
      } else if (arg.startsWith("--front-end=")) {
        value = arg.substring("--front-end=".length());
      } else {
        rest.add(arg);
        continue;
      }
      if (value.equals("run-job")) {
        frontEnd = Optional.of(FrontEnd.runJob());
      } else if (value.equals("runtime-jar")) {
        frontEnd = Optional.of(FrontEnd.runtimeJar());
      } else if (value.startsWith("cli:")) {
        frontEnd = Optional.of(FrontEnd.cli(value.substring(4)));
      } else {
        throw JobException.usage("--front-end expects run-job, runtime-jar or cli:PROGRAM, got " + value);
      }
    }
    return new Caller(rest, frontEnd);
  }

  static Command parse(List<String> args) throws JobException {
    if (args.isEmpty() || args.contains("-h") || args.contains("--help") || args.get(0).equals("help")) {
      return new Help();
    }
    String subcommand = args.get(0);
    if (!subcommand.equals("run") && !subcommand.equals("verify")) {
      throw JobException.usage("unknown command " + subcommand + "; expected run or verify");
    }
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, Path> inputs = new LinkedHashMap<>();
    Optional<Path> python = Optional.empty();
    boolean strictHardware = false;
    Optional<String> against = Optional.empty();
    List<String> runs = null;
    List<String> positional = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      int equals = arg.indexOf('=');
      String option = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
      String inline = option.equals(arg) ? null : arg.substring(equals + 1);
      switch (option) {
        case "--param", "--input", "--python", "--against" -> {
          if (inline == null && i + 1 >= args.size()) {
            throw JobException.usage(option + " needs a value");
          }
          String value = inline != null ? inline : args.get(++i);
          if (option.equals("--param")) {
            String[] pair = assignment(option, value);
            if (params.put(pair[0], pair[1]) != null) {
              throw JobException.usage("--param " + pair[0] + " is given twice");
            }
          } else if (option.equals("--input")) {
            String[] pair = assignment(option, value);
            if (inputs.put(pair[0], Path.of(pair[1])) != null) {
              throw JobException.usage("--input " + pair[0] + " is given twice");
            }
          } else if (option.equals("--python")) {
            python = Optional.of(Path.of(value));
          } else {
            against = Optional.of(value);
          }
        }
        case "--strict-hardware" -> strictHardware = true;
        case "--runs" -> {
          if (i + 2 >= args.size()) {
            throw JobException.usage("--runs needs two run ids: --runs BASELINE CANDIDATE");
          }
          runs = List.of(args.get(++i), args.get(++i));
        }
        default -> {
          if (arg.startsWith("-")) {
            throw JobException.usage("unknown option " + arg);
          }
          positional.add(arg);
        }
      }
    }
    if (positional.size() != 1) {
      throw JobException.usage(positional.isEmpty() ? subcommand + " needs the job directory: " + subcommand + " DIR"
          : "expected one job directory, got " + String.join(" ", positional));
    }
    Path jobDirectory = Path.of(positional.get(0));
    RunRequest request = new RunRequest(jobDirectory, params, inputs, python, strictHardware);
    boolean runOptions = !params.isEmpty() || !inputs.isEmpty() || python.isPresent() || strictHardware;
    if (subcommand.equals("run")) {
      if (against.isPresent() || runs != null) {
        throw JobException.usage((runs != null ? "--runs" : "--against") + " is an option of verify, not run");
      }
      return new Run(request);
    }
    if (runs != null) {
      if (runOptions || against.isPresent()) {
        throw JobException.usage("--runs compares two recorded runs and runs nothing; it takes no other options");
      }
      return new CompareRuns(jobDirectory, runs.get(0), runs.get(1));
    }
    return new Verify(new VerifyRequest(request, against));
  }

  private static String[] assignment(String option, String value) throws JobException {
    int equals = value.indexOf('=');
    if (equals <= 0) {
      throw JobException.usage(option + " expects NAME=VALUE, got " + value);
    }
    return new String[] {value.substring(0, equals), value.substring(equals + 1)};
  }
}
