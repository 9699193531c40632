package dev.lockstep.jobformat;

import java.util.Set;

/** The file names of the job directory contract (docs/job-format.md), in one place. */
public final class JobLayout {

  /** The job's config, at the job directory's root. */
  public static final String CONFIG = "lockstep.yaml";
  /** The job's code; everything in it is part of the job hash. */
  public static final String PIPELINE = "pipeline";
  /** The script the runtime runs, relative to the job directory (also its working directory). */
  public static final String MAIN_PY = "pipeline/main.py";
  /** Where runs are recorded: {@code runs/<run-id>/}. */
  public static final String RUNS = "runs";

  /** In a run directory: the resolved config main.py reads through LOCKSTEP_CONFIG. */
  public static final String RUN_CONFIG = "config.json";
  /** In a run directory: the job's stdout and stderr, in arrival order (for people). */
  public static final String RUN_LOG = "run.log";
  /** In a run directory: the job's stdout alone (compared by verify; its order does not depend on stderr's timing). */
  public static final String RUN_STDOUT = "stdout.log";
  /** In a run directory: the job's stderr alone. */
  public static final String RUN_STDERR = "stderr.log";
  /** In a run directory: the run record. */
  public static final String RUN_RECORD = "record.json";
  /** The runtime's own files in a run directory; no output may take their place. */
  public static final Set<String> RUN_FILES = Set.of(RUN_CONFIG, RUN_LOG, RUN_STDOUT, RUN_STDERR, RUN_RECORD);

  /** The environment variable naming the run's config.json; a job may not set it. */
  public static final String CONFIG_VARIABLE = "LOCKSTEP_CONFIG";

  private JobLayout() {}
}
