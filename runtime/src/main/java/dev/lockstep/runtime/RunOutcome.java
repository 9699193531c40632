package dev.lockstep.runtime;

import dev.lockstep.runtime.record.RunRecord;
import dev.lockstep.runtime.record.StoredRun;
import dev.lockstep.jobformat.JobLayout;
import dev.lockstep.jobformat.JobSpec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run that started: its directory holds config.json, run.log and record.json whether the job
 * succeeded or not. (Runs refused before starting throw {@link JobException} instead.)
 */
public record RunOutcome(String runId, Path runDirectory, RunRecord record, JobSpec spec) {

  public boolean succeeded() {
    return record.status() == RunRecord.Status.SUCCEEDED;
  }

  public ExitCode exitCode() {
    return succeeded() ? ExitCode.SUCCESS : ExitCode.FAILURE;
  }

  /** Why the run failed: the notebook cell and exception, or the missing outputs. */
  public Optional<String> failureMessage() {
    return Optional.ofNullable(record.failure()).map(RunRecord.Failure::message);
  }

  /** This run as {@link dev.lockstep.runtime.record.RunHistory} would load it. */
  public StoredRun asStored() {
    return new StoredRun(runId, runDirectory, record);
  }

  public Path recordFile() {
    return runDirectory.resolve(JobLayout.RUN_RECORD);
  }

  public Path logFile() {
    return runDirectory.resolve(JobLayout.RUN_LOG);
  }
}
