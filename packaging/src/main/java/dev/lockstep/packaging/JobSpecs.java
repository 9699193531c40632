package dev.lockstep.packaging;

import dev.lockstep.jobformat.InvalidJobSpecException;
import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.JobSpecLoader;
import java.nio.file.Path;

/** lockstep.yaml for lock, build and export: the job format's own loader, its problems a usage error. */
public final class JobSpecs {

  private JobSpecs() {}

  public static JobSpec load(Path jobDirectory) throws PackagingException {
    try {
      return new JobSpecLoader().load(jobDirectory);
    } catch (InvalidJobSpecException e) {
      throw PackagingException.usage(e.getMessage());
    }
  }
}
