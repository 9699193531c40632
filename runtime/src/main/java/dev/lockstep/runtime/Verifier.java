package dev.lockstep.runtime;

import dev.lockstep.runtime.compare.RunComparator;
import dev.lockstep.runtime.compare.RunComparison;
import dev.lockstep.runtime.record.RunHistory;
import dev.lockstep.runtime.record.StoredRun;
import dev.lockstep.jobformat.JobSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code lockstep verify}: proves (or disproves) that a job reproduces. Either runs it again
 * with {@link JobRunner} and compares the new run with a recorded one, or compares two
 * recorded runs without running anything.
 */
public final class Verifier {

  private final CallerContext caller;

  public Verifier(CallerContext caller) {
    this.caller = caller;
  }

  /**
   * Runs the job again and compares with {@code --against RUN}, or by default with the newest
   * successful run asked to compute the same thing (same seed, resolved parameters and input
   * hashes). The baseline is chosen before the new run, so the new run never compares with
   * itself, and a run with other parameters never becomes the baseline by accident.
   *
   * @throws JobException when there is no such baseline (usage) or the run is refused before starting
   */
  public Verification verify(VerifyRequest request) throws JobException {
    JobRunner runner = new JobRunner(caller);
    PreparedRun prepared = runner.prepare(request.run());
    RunHistory history = new RunHistory(prepared.jobDirectory());
    Baseline baseline = baseline(history, request.againstRunId(), RunConfigKey.of(prepared),
        request.run().jobDirectory().toString());
    caller.err().println("lockstep: baseline " + baseline.run().runId() + " (" + baseline.choice() + ")");
    RunOutcome outcome = runner.run(prepared);
    if (!outcome.succeeded()) {
      return new Verification(baseline.run().runId(), outcome, Optional.empty());
    }
    RunComparison comparison = RunComparator.compare(outcome.spec(), baseline.run(), outcome.asStored(), baseline.choice());
    return new Verification(baseline.run().runId(), outcome, Optional.of(comparison));
  }

  /** The run compared with, and why it was chosen. */
  private record Baseline(StoredRun run, String choice) {}

  /**
   * {@code verify DIR --runs A B}: compares two recorded runs, A the baseline, B the candidate,
   * under the job's current lockstep.yaml.
   */
  public RunComparison compareRuns(Path jobDirectory, String baselineRunId, String candidateRunId) throws JobException {
    Path directory = new JobRunner(caller).jobDirectory(jobDirectory);
    JobSpec spec = JobSpecs.load(directory);
    RunHistory history = new RunHistory(directory);
    try {
      return RunComparator.compare(spec, history.load(baselineRunId), history.load(candidateRunId));
    } catch (IOException e) {
      throw JobException.failure("cannot read the runs: " + e.getMessage());
    }
  }

  private Baseline baseline(RunHistory history, Optional<String> against, RunConfigKey key, String typedJobDirectory)
      throws JobException {
    try {
      if (against.isPresent()) {
        return new Baseline(history.load(against.get()), "named with --against");
      }
      List<StoredRun> succeeded = history.succeeded();
      for (int i = succeeded.size() - 1; i >= 0; i--) {
        if (RunConfigKey.of(succeeded.get(i).record()).equals(key)) {
          return new Baseline(succeeded.get(i), "the newest successful run with the same parameters, inputs and seed");
        }
      }
      String run = caller.frontEnd().runCommand(typedJobDirectory);
      if (succeeded.isEmpty()) {
        throw JobException.usage("no successful run to compare with in runs/; run the job first (" + run
            + "), or name one with --against RUN");
      }
      StoredRun newest = succeeded.get(succeeded.size() - 1);
      throw JobException.usage("no successful run in runs/ was asked to compute the same thing as this one (newest, "
          + newest.runId() + ": " + String.join(", ", key.differences(RunConfigKey.of(newest.record())))
          + "); run it once with these settings first, or compare with a run on purpose: --against RUN");
    } catch (IOException e) {
      throw JobException.failure("cannot read the recorded runs: " + e.getMessage());
    }
  }
}
