package dev.lockstep.runtime.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lockstep.runtime.hardware.CpuInfo;
import dev.lockstep.runtime.hardware.GpuInfo;
import java.util.List;
import java.util.Map;

/**
 * {@code runs/<run-id>/record.json}: what ran, on what, with what, and what it produced.
 *
 * <p>Everything except {@link #runId} and {@link #timing} is deterministic: the same job, the
 * same inputs and overrides, on the same machine, give a record equal in every other field.
 * Paths that would embed the run id are stored relative to the run directory. The record
 * holds the names of secrets, never their values. The schema is in docs/job-format.md.
 */
public record RunRecord(
    int recordVersion,
    String runId,
    Timing timing,
    Status status,
    int exitCode,
    Failure failure,
    Job job,
    long seed,
    Map<String, Object> params,
    Map<String, Input> inputs,
    Environment environment,
    Python python,
    Hardware hardware,
    Map<String, Output> outputs,
    Log log) {

  public static final int VERSION = 1;

  /** A record without the printed output's summary (as records written before it was added). */
  public RunRecord(int recordVersion, String runId, Timing timing, Status status, int exitCode, Failure failure, Job job,
      long seed, Map<String, Object> params, Map<String, Input> inputs, Environment environment, Python python,
      Hardware hardware, Map<String, Output> outputs) {
    this(recordVersion, runId, timing, status, exitCode, failure, job, seed, params, inputs, environment, python, hardware,
        outputs, null);
  }

  public enum Status {
    @JsonProperty("succeeded")
    SUCCEEDED,
    @JsonProperty("failed")
    FAILED
  }

  /** Wall-clock facts; the only fields that differ between two identical runs besides the id. */
  public record Timing(String startedAt, String finishedAt, long durationMillis) {}

  /**
   * Why the run failed: the job's exception mapped to a notebook cell, or outputs it did not
   * write. Null for a run that succeeded.
   *
   * @param notebookCell 1-based cell position, when a traceback pointed into main.py
   * @param mainPyLine the line in pipeline/main.py
   * @param missingOutputs names of declared outputs absent after the job exited 0
   */
  public record Failure(String message, Integer notebookCell, String cellId, Integer mainPyLine, String exception,
      List<String> missingOutputs) {}

  /**
   * @param sha256 the job hash: lockstep.yaml plus pipeline/ (see JobHash)
   * @param notebook {@code source.notebook}; null when lockstep.yaml has no source
   * @param notebookSha256 {@code source.sha256}; null when lockstep.yaml has no source
   */
  public record Job(String sha256, String notebook, String notebookSha256) {}

  /**
   * @param path absolute path of the file that was read
   * @param boundBy "lockstep.yaml" or "--input"
   */
  public record Input(String path, String sha256, long size, String boundBy) {}

  /**
   * @param variables what the runtime set: thread pins and lockstep.yaml's environment (not
   *     LOCKSTEP_CONFIG, which names this run's config.json, never a secret)
   * @param inherited variables from the caller's environment that influence the computation
   *     (PYTHON*, thread, CUDA and locale settings; see InfluentialVariables), never a secret
   * @param secrets names of the secrets that were passed, sorted
   */
  public record Environment(Map<String, String> variables, Map<String, String> inherited, List<String> secrets) {}

  /**
   * @param command the interpreter path the runtime ran
   * @param executable {@code sys.executable} as the interpreter reported it
   * @param modules each of python.imports with the distribution and version that provided it
   */
  public record Python(String command, String executable, String version, Map<String, Module> modules) {}

  /** {@code distribution} and {@code version} are null for standard-library modules. */
  public record Module(String distribution, String version) {}

  /**
   * @param gpu null when the machine has no NVIDIA GPU
   * @param declared lockstep.yaml's hardware; null when it declares none
   * @param warnings mismatches between declared and actual hardware
   */
  public record Hardware(CpuInfo cpu, GpuInfo gpu, Declared declared, List<String> warnings) {}

  /** {@code accelerator} is "cpu" or "cuda", as in lockstep.yaml. */
  public record Declared(String accelerator, int count) {}

  /**
   * @param path relative to the run directory
   * @param sha256 null when the job did not write the file
   * @param size null when the job did not write the file
   */
  public record Output(String path, String sha256, Long size) {}

  /**
   * The run's printed output (secrets masked): run.log holds stdout and stderr in arrival order
   * for people; stdout.log and stderr.log hold each stream alone, and are what is hashed and
   * compared (the order in which two streams interleave depends on timing, not on the program).
   *
   * @param path {@code run.log}, relative to the run directory
   * @param stdoutSha256 of stdout.log's bytes
   * @param stderrSha256 of stderr.log's bytes
   * @param maskedSha256 of both streams' text with volatile parts masked (see VolatileText):
   *     equal for two runs that printed the same things
   * @param masked the kinds of volatile parts that were masked, e.g. {@code ["memory address", "timing"]}
   */
  public record Log(String path, String stdoutSha256, String stderrSha256, String maskedSha256, List<String> masked) {}
}
