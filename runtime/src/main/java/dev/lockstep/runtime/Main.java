package dev.lockstep.runtime;

import dev.lockstep.runtime.compare.ComparisonReport;
import dev.lockstep.runtime.compare.RunComparison;
import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.runtime.record.RunRecord;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runtime's own command line, for use inside a job directory or a container, where only a
 * JDK and Python exist: {@code java -jar lib/lockstep-runtime.jar run .} or {@code verify .}.
 * It mirrors {@code lockstep run} and {@code lockstep verify}. Usage: see {@link MainArguments#USAGE}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), CallerContext.system()));
  }

  /** Runs one command; returns the process exit code (see {@link ExitCode}). */
  public static int run(List<String> args, CallerContext caller) {
    MainArguments.Command command;
    try {
      MainArguments.Caller called = MainArguments.frontEnd(args);
      caller = called.frontEnd().map(caller::via).orElse(caller);
      command = MainArguments.parse(called.arguments());
    } catch (JobException e) {
      printError(caller.err(), e.getMessage());
      caller.err().println("  (--help shows the usage)");
      return e.exitCode().code();
    }
    try {
      return execute(command, caller);
    } catch (JobException e) {
      printError(caller.err(), e.getMessage());
      return e.exitCode().code();
    }
  }

  private static int execute(MainArguments.Command command, CallerContext caller) throws JobException {
    if (command instanceof MainArguments.Help) {
      caller.out().print(MainArguments.USAGE);
      return ExitCode.SUCCESS.code();
    }
    if (command instanceof MainArguments.Run run) {
      return report(new JobRunner(caller).run(run.request()), caller).code();
    }
    if (command instanceof MainArguments.Verify verify) {
      Verification verification = new Verifier(caller).verify(verify.request());
      if (verification.comparison().isEmpty()) {
        return report(verification.run(), caller).code();
      }
      caller.out().print(ComparisonReport.render(verification.comparison().get()));
      return verification.exitCode().code();
    }
    MainArguments.CompareRuns compare = (MainArguments.CompareRuns) command;
    RunComparison comparison = new Verifier(caller).compareRuns(compare.jobDirectory(), compare.baselineRunId(),
        compare.candidateRunId());
    caller.out().print(ComparisonReport.render(comparison));
    return comparison.passed() ? ExitCode.SUCCESS.code() : ExitCode.FAILURE.code();
  }

  /** The run's summary on stdout, or why it failed on stderr. */
  private static ExitCode report(RunOutcome outcome, CallerContext caller) {
    RunRecord record = outcome.record();
    if (!outcome.succeeded()) {
      printError(caller.err(), outcome.failureMessage().orElse("job failed"));
      caller.err().println("lockstep: run " + outcome.runId() + " recorded in " + outcome.recordFile() + "; log: " + outcome.logFile());
      return outcome.exitCode();
    }
    PrintStream out = caller.out();
    out.println("run " + outcome.runId() + " succeeded in " + seconds(record.timing().durationMillis()));
    out.println("  record  " + outcome.recordFile());
    int width = record.outputs().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, RunRecord.Output> output : record.outputs().entrySet()) {
      RunRecord.Output file = output.getValue();
      out.println("  " + output.getKey() + " ".repeat(width - output.getKey().length()) + "  " + file.path()
          + "  sha256 " + Sha256.abbreviate(file.sha256(), 12) + "  " + file.size() + " bytes");
    }
    return outcome.exitCode();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static void printError(PrintStream err, String message) {
    err.println("lockstep: " + message.replace("\n", "\n  "));
  }
}
