package dev.lockstep.runtime.inputs;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which file an input names for this run, before it is hashed.
 *
 * @param path absolute
 * @param expectedSha256 the hash lockstep.yaml pins; empty for {@code --input} bindings, whose
 *     hash is whatever the file has (and is recorded)
 * @param source where the binding came from
 */
public record InputBinding(String name, Path path, Optional<String> expectedSha256, Source source) {

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
