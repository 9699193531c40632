package dev.lockstep.runtime;

import dev.lockstep.runtime.compare.RunComparator;
import dev.lockstep.runtime.compare.RunComparison;
import dev.lockstep.runtime.record.RunHistory;
import dev.lockstep.runtime.record.StoredRun;
import dev.lockstep.jobformat.JobSpec;
import java.io.IOException;
import java.nio.file.Path;
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
   * Runs the job again and compares with {@code --against RUN}, or with the newest run that
   * succeeded. The baseline is chosen before the new run, so the new run never compares with
   * itself.
   *
   * @throws JobException when there is no baseline (usage) or the run is refused before starting
   */
  public Verification verify(VerifyRequest request) throws JobException {
    JobRunner runner = new JobRunner(caller);
    RunHistory history = new RunHistory(runner.jobDirectory(request.run().jobDirectory()));
    StoredRun baseline = baseline(history, request.againstRunId());
    RunOutcome outcome = runner.run(request.run());
    if (!outcome.succeeded()) {
      return new Verification(baseline.runId(), outcome, Optional.empty());
    }
    RunComparison comparison = RunComparator.compare(outcome.spec(), baseline, outcome.asStored());
    return new Verification(baseline.runId(), outcome, Optional.of(comparison));
  }

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

  private static StoredRun baseline(RunHistory history, Optional<String> against) throws JobException {
    try {
      if (against.isPresent()) {
        return history.load(against.get());
      }
      return history.latestSucceeded().orElseThrow(() -> JobException.usage(
          "no successful run to compare with in runs/; run the job first, or name one with --against RUN"));
    } catch (IOException e) {
      throw JobException.failure("cannot read the recorded runs: " + e.getMessage());
    }
  }
}
