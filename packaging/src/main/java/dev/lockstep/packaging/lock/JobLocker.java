package dev.lockstep.packaging.lock;

import dev.lockstep.packaging.BaseImageSetting;
import dev.lockstep.packaging.JobSpecs;
import dev.lockstep.packaging.PackagingException;
import dev.lockstep.runtime.JobException;
import dev.lockstep.runtime.hashing.JobHash;
import dev.lockstep.runtime.interpreter.InterpreterFinder;
import dev.lockstep.runtime.interpreter.InterpreterProbe;
import dev.lockstep.runtime.record.AtomicFiles;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.jobformat.JobSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code lockstep lock DIR}: pins the job's closure into {@code DIR/lockstep.lock}. Reads
 * lockstep.yaml (through the runtime's own loader), asks the interpreter {@code run} would
 * choose (or {@code --python}) for every imported distribution's version, resolves Hub
 * revisions from a local cache or {@code --revision}, and writes the lock only when its bytes
 * change. Nothing is guessed: what cannot be pinned is listed under {@code blockers}.
 */
public final class JobLocker {

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
  static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

  /**
   * @param python {@code --python}, already resolved against the caller's directory and PATH
   * @param revisions {@code --revision ID=SHA}, by Hub id
   */
  public record Request(Path jobDirectory, Optional<Path> python, HfCache cache, Map<String, String> revisions,
      Map<String, String> environment) {}

  /** @param changed whether lockstep.lock was written (false: it already held these bytes) */
  public record Result(Path file, LockFile lock, boolean changed) {}

  public Result lock(Request request) throws PackagingException {
    Path job = request.jobDirectory();
    JobSpec spec = JobSpecs.load(job);
    for (Map.Entry<String, String> revision : request.revisions().entrySet()) {
      if (!COMMIT.matcher(revision.getValue()).matches()) {
        throw PackagingException.usage("--revision " + revision.getKey() + "=" + revision.getValue()
            + ": a revision must be a full 40-character lowercase commit hash");
      }
    }
    Optional<String> base = BaseImageSetting.read(job);
    Path interpreter = request.python().orElseGet(() -> chooseInterpreter(request, spec));
    PythonPins.Closure python = PythonPins.probe(interpreter, job, spec.pythonImports(), request.environment());

    List<HubReference> references = HubReferences.read(job);
    TreeSet<String> loaded = new TreeSet<>();
    references.forEach(r -> loaded.add(r.id()));
    for (String id : request.revisions().keySet()) {
      if (!loaded.contains(id)) {
        throw PackagingException.usage("--revision " + id + ": the job loads no Hub repository named '" + id + "'"
            + (loaded.isEmpty() ? " (it loads none without a pinned revision)" : " (unpinned: " + String.join(", ", loaded) + ")"));
      }
    }
    List<LockFile.HubPin> hub = new ArrayList<>();
    List<String> blockers = new ArrayList<>();
    for (HubReference reference : references) {
      String manual = request.revisions().get(reference.id());
      Optional<String> cached = manual != null ? Optional.empty() : request.cache().resolve(reference);
      String revision = manual != null ? manual : cached.orElse(null);
      String pinnedBy = manual != null ? "--revision" : cached.isPresent() ? "hf-cache" : null;
      hub.add(new LockFile.HubPin(reference.kind(), reference.id(), reference.requested(), revision, pinnedBy));
      if (revision == null) {
        blockers.add(reference.kind() + " '" + reference.id() + "' at '" + reference.requested() + "' is not pinned: "
            + "the Hub cache holds no " + reference.cacheFolder() + "/refs/" + reference.requested()
            + "; pass --revision " + reference.id() + "=COMMIT");
      }
    }
    python.imports().unresolved().forEach(u -> blockers.add("import '" + u.module() + "' has no installed distribution in "
        + interpreter + " (" + u.reason() + ")"));
    Map<String, LockFile.Input> inputs = new TreeMap<>();
    spec.inputs().forEach((name, input) -> {
      inputs.put(name, new LockFile.Input(input.path(), input.sha256().orElse(null)));
      if (input.sha256().isEmpty()) {
        blockers.add("input '" + name + "' has no sha256 in lockstep.yaml: bind it at extract time");
      }
    });
    blockers.sort(null);

    String jobSha256;
    try {
      jobSha256 = JobHash.of(job);
    } catch (IOException e) {
      throw PackagingException.failure("cannot hash the job's files: " + e.getMessage());
    }
    Map<String, Object> params = new TreeMap<>();
    spec.params().forEach((name, value) -> params.put(name, value.value()));
    LockFile lock = new LockFile(
        LockFile.VERSION,
        new LockFile.Job(jobSha256, spec.source().map(s -> s.notebook()).orElse(null),
            spec.source().map(s -> s.sha256()).orElse(null)),
        new LockFile.Python(interpreter.toString(), python.version(), python.implementation()),
        python.packages(),
        python.packages().stream().map(p -> p.name() + "==" + p.version()).sorted().toList(),
        python.imports(),
        hub,
        inputs,
        spec.seed(),
        params,
        spec.hardware().map(h -> new LockFile.Hardware(h.accelerator().yamlName(), h.count())).orElse(null),
        base.map(LockFile.Image::new).orElse(null),
        blockers,
        "java -jar lib/lockstep-runtime.jar run . --python " + interpreter);
    return write(job.resolve(LockFile.FILE_NAME), lock);
  }

  private static Result write(Path file, LockFile lock) throws PackagingException {
    String text = CanonicalJson.write(lock);
    try {
      if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        return new Result(file, lock, false);
      }
      AtomicFiles.write(file, text);
      return new Result(file, lock, true);
    } catch (IOException e) {
      throw PackagingException.failure("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** The interpreter {@code run} would choose; when none imports everything, /usr/bin/python3 is asked and the gaps are blockers. */
  private static Path chooseInterpreter(Request request, JobSpec spec) {
    try {
      String command = new InterpreterFinder(new InterpreterProbe(request.environment(), request.jobDirectory()),
          request.environment()).choose(Optional.empty(), spec.pythonImports()).command();
      return Path.of(command);
    } catch (JobException e) {
      return SYSTEM_PYTHON;
    }
  }

  /** Reads an existing lock. */
  public static LockFile read(Path jobDirectory) throws PackagingException {
    Path file = jobDirectory.resolve(LockFile.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw PackagingException.usage(file + " not found: run `lockstep lock " + jobDirectory + "` first");
    }
    try {
      return CanonicalJson.read(file, LockFile.class);
    } catch (IOException e) {
      throw PackagingException.usage(file + ": not a readable lock: " + e.getMessage());
    }
  }
}
