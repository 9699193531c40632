package dev.lockstep.runtime.inputs;

import dev.lockstep.jobformat.PathKind;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which file or folder an input names for this run, before it is hashed.
 *
 * @param path absolute
 * @param kind what lockstep.yaml says must be there; empty when it does not say (what is there decides)
 * @param expectedSha256 the hash lockstep.yaml pins; empty for {@code --input} bindings, whose
 *     hash is whatever the file has (and is recorded)
 * @param pinnedSha256 lockstep.yaml's hash even for an {@code --input} binding, to say whether
 *     the bound data is the data the job was made with
 * @param source where the binding came from
 */
public record InputBinding(String name, Path path, Optional<PathKind> kind, Optional<String> expectedSha256,
    Optional<String> pinnedSha256, Source source) {

  public enum Source {
    CONFIG("lockstep.yaml"),
    COMMAND_LINE("--input");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    /** As written in records: "lockstep.yaml" or "--input". */
    public String label() {
      return label;
    }
  }
}
