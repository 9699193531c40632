package dev.lockstep.packaging.lock;

import java.util.List;
import java.util.Map;

/**
 * {@code lockstep.lock}: the job's closure manifest (docs/job-format.md, "lockstep.lock"). Written
 * as canonical JSON (keys sorted, lists sorted by their natural key), so locking an unchanged
 * job twice gives the same bytes. Nothing in it depends on the time or on where the job lies.
 *
 * @param lockVersion schema version; only 1 exists
 * @param job the job hash and source notebook the lock was made for
 * @param python the interpreter asked, its version and implementation
 * @param packages pinned distributions, sorted by name
 * @param requirements the same pins as requirement lines ({@code name==version}), sorted
 * @param imports how each of {@code python.imports} was resolved
 * @param hub model, tokenizer and dataset repositories the job loads from the Hugging Face Hub
 * @param inputs declared inputs with their sha256 (null when unbound)
 * @param seed the job's seed
 * @param params the parameters' default values
 * @param hardware the declared hardware shape (null when none is declared)
 * @param image the base image, by digest, from lockstep.yaml's {@code image.base} (null when none)
 * @param blockers what keeps the closure open, one sentence each, sorted
 * @param reproduce the command that reruns the job from its directory with the locked interpreter
 */
public record LockFile(
    int lockVersion,
    Job job,
    Python python,
    List<Package> packages,
    List<String> requirements,
    Imports imports,
    List<HubPin> hub,
    Map<String, Input> inputs,
    long seed,
    Map<String, Object> params,
    Hardware hardware,
    Image image,
    List<String> blockers,
    String reproduce) {

  public static final int VERSION = 1;
  public static final String FILE_NAME = "lockstep.lock";

  public record Job(String sha256, String notebook, String notebookSha256) {}

  public record Python(String interpreter, String version, String implementation) {}

  /** One distribution, pinned; {@code imports} are the job's modules it provides. */
  public record Package(String name, String version, List<String> imports) {}

  /**
   * @param stdlib modules of the standard library
   * @param local modules shipped in pipeline/
   * @param unresolved modules no installed distribution provides, with the reason, never guessed
   */
  public record Imports(List<String> stdlib, List<String> local, List<Unresolved> unresolved) {}

  public record Unresolved(String module, String reason) {}

  /**
   * @param kind {@code model} or {@code dataset}
   * @param requested what the notebook asks for: a branch or tag name, a short hash, or
   *     {@code main} when it names no revision
   * @param revision the full commit, or null when nothing pins it (then it is a blocker)
   * @param pinnedBy {@code hf-cache}, {@code --revision} or null
   */
  public record HubPin(String kind, String id, String requested, String revision, String pinnedBy) {}

  public record Input(String path, String sha256) {}

  public record Hardware(String accelerator, int count) {}

  public record Image(String base) {}
}
