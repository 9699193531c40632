package dev.lockstep.runtime;

import dev.lockstep.runtime.environment.JobEnvironment;
import dev.lockstep.runtime.environment.JobEnvironmentResolver;
import dev.lockstep.runtime.failure.FailureLocator;
import dev.lockstep.runtime.hardware.HardwareCheck;
import dev.lockstep.runtime.hardware.HardwareProbe;
import dev.lockstep.runtime.hardware.MachineHardware;
import dev.lockstep.runtime.hashing.JobHash;
import dev.lockstep.runtime.inputs.InputBinder;
import dev.lockstep.runtime.inputs.InputBinding;
import dev.lockstep.runtime.inputs.InputVerifier;
import dev.lockstep.runtime.inputs.ParamResolver;
import dev.lockstep.runtime.inputs.VerifiedInput;
import dev.lockstep.runtime.interpreter.InterpreterFinder;
import dev.lockstep.runtime.interpreter.InterpreterProbe;
import dev.lockstep.runtime.interpreter.InterpreterReport;
import dev.lockstep.runtime.process.JobProcess;
import dev.lockstep.runtime.process.ProcessResult;
import dev.lockstep.runtime.provenance.ProvenanceWriter;
import dev.lockstep.runtime.record.AtomicFiles;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.runtime.record.OutputCollector;
import dev.lockstep.runtime.record.RunConfigFile;
import dev.lockstep.runtime.record.RunId;
import dev.lockstep.runtime.record.RunLog;
import dev.lockstep.runtime.record.RunRecord;
import dev.lockstep.jobformat.JobLayout;
import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.OutputSpec;
import dev.lockstep.jobformat.ParamValue;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a job directory: {@code lockstep run DIR}.
 *
 * <p>The steps, in order, each refusing before anything is written when its check fails:
 * load lockstep.yaml; apply {@code --param}/{@code --input}; read secrets; hash every input;
 * choose the interpreter; compare hardware. Then: create {@code runs/<run-id>/}, write
 * config.json, create output folders, run {@code python -B -u pipeline/main.py} from the job
 * directory with output streamed to the caller and run.log, hash the outputs, write
 * record.json. {@code -B} keeps the job directory free of byte-code caches; {@code -u} makes
 * output arrive as it is printed.
 */
public final class JobRunner {

  private final CallerContext caller;

  public JobRunner(CallerContext caller) {
    this.caller = caller;
  }

  /**
   * @return the outcome of a run that started (its record says whether the job succeeded)
   * @throws JobException when the run is refused before it starts: bad config or arguments
   *     (usage), changed inputs, no suitable interpreter, strict hardware mismatch (failure)
   */
  public RunOutcome run(RunRequest request) throws JobException {
    return run(prepare(request));
  }

  /** Runs what {@link #prepare} checked. */
  RunOutcome run(PreparedRun prepared) throws JobException {
    try {
      return execute(prepared);
    } catch (IOException e) {
      throw new JobException(ExitCode.FAILURE, "run failed: " + e.getMessage(), e);
    }
  }

  /** The checks, cheapest and most likely to fail first; any of them refuses the run. */
  PreparedRun prepare(RunRequest request) throws JobException {
    Path jobDirectory = jobDirectory(request.jobDirectory());
    JobSpec spec = JobSpecs.load(jobDirectory);
    Map<String, ParamValue> params = ParamResolver.resolve(spec.params(), request.params());
    List<InputBinding> bindings = InputBinder.bind(spec, request.inputs(), jobDirectory, caller.workingDirectory(),
        caller.frontEnd());
    JobEnvironment environment = JobEnvironmentResolver.resolve(spec, caller.environment());
    List<VerifiedInput> inputs = InputVerifier.verify(bindings, spec, caller.frontEnd(), caller.err());
    InterpreterReport python = new InterpreterFinder(new InterpreterProbe(environment.withoutConfig(), jobDirectory),
        caller.environment()).choose(request.python().map(this::interpreterPath), spec.pythonImports());
    MachineHardware machine = new HardwareProbe(caller.environment()).probe();
    List<String> hardwareWarnings = spec.hardware().map(declared -> HardwareCheck.mismatches(declared, machine)).orElse(List.of());
    if (!hardwareWarnings.isEmpty() && request.strictHardware()) {
      throw JobException.failure(String.join("\n", hardwareWarnings) + "\nnot run (--strict-hardware)");
    }
    hardwareWarnings.forEach(warning -> caller.err().println("lockstep: warning: " + warning));
    String jobSha256;
    try {
      jobSha256 = JobHash.of(jobDirectory);
    } catch (IOException e) {
      throw JobException.failure("cannot hash the job's files: " + e.getMessage());
    }
    return new PreparedRun(jobDirectory, jobSha256, spec, params, inputs, environment, python, machine, hardwareWarnings);
  }

  private RunOutcome execute(PreparedRun run) throws IOException {
    Instant start = caller.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    Path runDirectory = RunId.createRunDirectory(run.jobDirectory(), start, run.jobSha256());
    String runId = runDirectory.getFileName().toString();
    Path configFile = RunConfigFile.write(runDirectory, config(run, runDirectory));
    for (OutputSpec output : run.spec().outputs().values()) {
      Path path = runDirectory.resolve(output.path());
      Files.createDirectories(output.isFolder() ? path : path.getParent());
    }
    caller.err().println("lockstep: run " + runId + " with " + run.python().command() + " (Python " + run.python().version() + ")");

    List<String> command = List.of(run.python().command(), "-B", "-u", JobLayout.MAIN_PY);
    ProcessResult result = new JobProcess(caller.out(), caller.err()).run(command, run.environment().forJob(configFile),
        run.jobDirectory(), runDirectory.resolve(JobLayout.RUN_LOG), run.environment().secrets().values());
    Instant end = caller.clock().instant().truncatedTo(ChronoUnit.MILLIS);

    OutputCollector.Collected outputs = OutputCollector.collect(runDirectory, run.spec().outputs().values());
    RunRecord.Failure failure = null;
    if (result.exitCode() != 0) {
      failure = RecordAssembly.failure(FailureLocator.diagnose(result.exitCode(), result.stderrTail(), run.jobDirectory()));
    } else if (!outputs.missing().isEmpty()) {
      failure = RecordAssembly.missingOutputs(outputs.missing(), outputs.outputs());
    }
    RunRecord record = new RunRecord(
        RunRecord.VERSION,
        runId,
        new RunRecord.Timing(start.toString(), end.toString(), Duration.between(start, end).toMillis()),
        failure == null ? RunRecord.Status.SUCCEEDED : RunRecord.Status.FAILED,
        result.exitCode(),
        failure,
        RecordAssembly.job(run.jobSha256(), run.spec()),
        run.spec().seed(),
        RecordAssembly.params(run.params()),
        RecordAssembly.inputs(run.inputs()),
        RecordAssembly.environment(run.environment()),
        RecordAssembly.python(run.python()),
        RecordAssembly.hardware(run.machine(), run.spec(), run.hardwareWarnings()),
        outputs.outputs(),
        RunLog.record(runDirectory));
    AtomicFiles.write(runDirectory.resolve(JobLayout.RUN_RECORD), CanonicalJson.write(record));
    if (failure == null) {
      ProvenanceWriter.write(run.jobDirectory(), runDirectory, record, caller.environment());
    }
    return new RunOutcome(runId, runDirectory, record, run.spec());
  }

  private static RunConfigFile.Content config(PreparedRun run, Path runDirectory) {
    Map<String, String> inputPaths = new TreeMap<>();
    run.inputs().forEach(input -> inputPaths.put(input.name(), input.binding().path().toString()));
    Map<String, String> outputPaths = new TreeMap<>();
    run.spec().outputs().values().forEach(output -> outputPaths.put(output.name(), runDirectory.resolve(output.path()).toString()));
    return new RunConfigFile.Content(run.spec().seed(), RecordAssembly.params(run.params()), inputPaths, outputPaths);
  }

  /**
   * The real path of the job directory: records and config hold absolute paths, and resolving
   * symlinks makes them the same however the caller spelled the directory.
   */
  Path jobDirectory(Path given) throws JobException {
    Path resolved = caller.workingDirectory().resolve(given);
    if (!Files.isDirectory(resolved)) {
      throw JobException.usage("not a job directory: " + given + " (it does not exist or is not a directory)");
    }
    try {
      return resolved.toRealPath();
    } catch (IOException e) {
      throw JobException.usage("cannot open job directory " + given + ": " + e.getMessage());
    }
  }

  /** {@code --python python3.11} means the one on PATH; anything with a separator is a path. */
  private Path interpreterPath(Path given) {
    if (given.getNameCount() == 1 && !given.isAbsolute()) {
      for (String directory : caller.environment().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(directory, given.toString());
        if (!directory.isEmpty() && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return caller.workingDirectory().resolve(given);
  }
}
