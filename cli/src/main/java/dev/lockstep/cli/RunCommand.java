package dev.lockstep.cli;

import dev.lockstep.runtime.JobException;
import dev.lockstep.runtime.JobRunner;
import dev.lockstep.runtime.RunOutcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lockstep run DIR}: run a job directory and record the run. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a job directory with a local Python and records the run under runs/<run-id>/.",
            "First checks lockstep.yaml, the secrets and every input's sha256; then runs pipeline/main.py under the"
                    + " determinism environment with its output streamed here, hashes the outputs and writes"
                    + " record.json, run.log and config.json beside them.",
            "Exit 0: the job ran and wrote every output. 1: it failed, an input changed, no interpreter can import"
                    + " its modules, or --strict-hardware refused. 2: a bad lockstep.yaml or option, or a missing"
                    + " secret."
        })
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JobRunOptions job;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            RunOutcome outcome = new JobRunner(CallerStreams.of(out, err)).run(job.request(spec.commandLine()));
            RunSummary.print(outcome, out, err);
            return outcome.exitCode().code();
        } catch (JobException e) {
            return RunSummary.refused(e, err);
        }
    }
}
