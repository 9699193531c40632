package dev.lockstep.jobformat;

import java.util.Optional;

/**
 * A file or folder the job reads.
 *
 * @param path as written: relative to the job directory, or absolute
 * @param kind {@code kind:} in lockstep.yaml; empty when not written, and then what is at the
 *     path decides (a folder is hashed by its manifest, a file by its bytes)
 * @param sha256 lowercase hex (a folder's manifest hash); empty when the input was not bound at
 *     extract time and must be bound at run time
 */
public record InputSpec(String name, String path, Optional<PathKind> kind, Optional<String> sha256) {

  public InputSpec(String name, String path, Optional<String> sha256) {
    this(name, path, Optional.empty(), sha256);
  }
}
