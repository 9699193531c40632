package dev.lockstep.runtime;

import dev.lockstep.jobformat.InvalidJobSpecException;
import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.JobSpecLoader;
import java.nio.file.Path;

/** Loads lockstep.yaml for the runtime: an invalid one is a usage error (exit 2) listing every problem. */
final class JobSpecs {

  private JobSpecs() {}

  static JobSpec load(Path jobDirectory) throws JobException {
    try {
      return new JobSpecLoader().load(jobDirectory);
    } catch (InvalidJobSpecException e) {
      throw new JobException(ExitCode.USAGE, e.getMessage(), e);
    }
  }
}
