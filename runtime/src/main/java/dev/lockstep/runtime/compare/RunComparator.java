package dev.lockstep.runtime.compare;

import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.OutputSpec;
import dev.lockstep.runtime.record.RunRecord;
import dev.lockstep.runtime.record.StoredRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two recorded runs of a job. The outputs and their compare policies come from the
 * job's current lockstep.yaml, so tightening or loosening a tolerance applies to old runs too.
 * The printed output (run.log) is compared as well, with volatile parts masked.
 */
public final class RunComparator {

  private RunComparator() {}

  /**
   * @param baselineChoice why this baseline, for the report (e.g. "named with --against"); empty for none
   */
  public static RunComparison compare(JobSpec spec, StoredRun baseline, StoredRun candidate, String baselineChoice) {
    List<OutputVerdict> verdicts = new ArrayList<>();
    for (OutputSpec output : spec.outputs().values()) {
      verdicts.add(OutputComparator.compare(output, stored(baseline, output), stored(candidate, output)));
    }
    LogVerdict log = LogComparator.compare(baseline.directory(), candidate.directory(), spec.log().mustMatch());
    return new RunComparison(baseline.runId(), candidate.runId(), baselineChoice, verdicts, log,
        RecordDrift.between(baseline.record(), candidate.record()));
  }

  public static RunComparison compare(JobSpec spec, StoredRun baseline, StoredRun candidate) {
    return compare(spec, baseline, candidate, "");
  }

  private static OutputComparator.StoredOutput stored(StoredRun run, OutputSpec output) {
    RunRecord.Output recorded = run.record().outputs().get(output.name());
    return recorded == null
        ? OutputComparator.StoredOutput.of(run.directory(), null, null, output.isFolder())
        : OutputComparator.StoredOutput.of(run.directory(), recorded.path(), recorded.sha256(), output.isFolder());
  }
}
