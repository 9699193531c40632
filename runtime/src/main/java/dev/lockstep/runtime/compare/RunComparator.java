package dev.lockstep.runtime.compare;

import dev.lockstep.runtime.record.RunRecord;
import dev.lockstep.runtime.record.StoredRun;
import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.OutputSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two recorded runs of a job. The outputs and their compare policies come from the
 * job's current lockstep.yaml, so tightening or loosening a tolerance applies to old runs too.
 */
public final class RunComparator {

  private RunComparator() {}

  public static RunComparison compare(JobSpec spec, StoredRun baseline, StoredRun candidate) {
    List<OutputVerdict> verdicts = new ArrayList<>();
    for (OutputSpec output : spec.outputs().values()) {
      verdicts.add(OutputComparator.compare(output, stored(baseline, output), stored(candidate, output)));
    }
    return new RunComparison(baseline.runId(), candidate.runId(), verdicts,
        RecordDrift.between(baseline.record(), candidate.record()));
  }

  private static OutputComparator.StoredOutput stored(StoredRun run, OutputSpec output) {
    RunRecord.Output recorded = run.record().outputs().get(output.name());
    return recorded == null
        ? OutputComparator.StoredOutput.of(run.directory(), null, null)
        : OutputComparator.StoredOutput.of(run.directory(), recorded.path(), recorded.sha256());
  }
}
