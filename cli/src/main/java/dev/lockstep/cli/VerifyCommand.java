package dev.lockstep.cli;

import dev.lockstep.runtime.CallerContext;
import dev.lockstep.runtime.JobException;
import dev.lockstep.runtime.Verification;
import dev.lockstep.runtime.Verifier;
import dev.lockstep.runtime.VerifyRequest;
import dev.lockstep.runtime.compare.ComparisonReport;
import dev.lockstep.runtime.compare.RunComparison;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lockstep verify DIR}: run a job again and prove its outputs match a recorded run. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the job again and proves its outputs match a recorded run.",
            "Compares every declared output with the newest successful run of the same parameters and inputs (or --against RUN): byte-identical,"
                    + " or within the tolerance lockstep.yaml declares. With --runs A B, compares two recorded runs"
                    + " without running. The drift between the two records (inputs, params, environment, packages,"
                    + " hardware) is listed to explain a difference.",
            "Exit 0: every output matches. 1: an output differs or the new run failed. 2: bad usage, or no run to"
                    + " compare with."
        })
public final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JobRunOptions job;

    @Option(names = "--against", paramLabel = "RUN",
            description = "The run id to compare with (default: the newest successful run of the same parameters and inputs).")
    String against;

    @Option(names = "--runs", arity = "2", paramLabel = "RUN",
            description = "Compare two recorded runs, the first the baseline, without running the job.")
    List<String> runs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs != null && (job.any() || against != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--runs compares two recorded runs and runs nothing; it takes no other options");
        }
        CallerContext caller = CallerStreams.of(out, err);
        try {
            if (runs != null) {
                return report(new Verifier(caller).compareRuns(job.jobDirectory, runs.get(0), runs.get(1)), out);
            }
            VerifyRequest request = new VerifyRequest(job.request(spec.commandLine()), Optional.ofNullable(against));
            Verification verification = new Verifier(caller).verify(request);
            RunSummary.print(verification.run(), out, err);
            if (verification.comparison().isEmpty()) {
                err.println("lockstep: nothing compared with baseline " + verification.baselineRunId()
                        + ": the new run failed");
                err.flush();
                return verification.exitCode().code();
            }
            return report(verification.comparison().get(), out);
        } catch (JobException e) {
            return RunSummary.refused(e, err);
        }
    }

    private static int report(RunComparison comparison, PrintWriter out) {
        out.print(ComparisonReport.render(comparison));
        out.flush();
        return comparison.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
