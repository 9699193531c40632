package dev.lockstep.runtime.inputs;

import dev.lockstep.jobformat.PathKind;

/**
 * An input hashed just before the run (and matched, when a hash was pinned).
 *
 * @param kind what was found: a file, or a folder hashed by its manifest
 * @param size bytes; for a folder, of all its files together
 */
public record VerifiedInput(InputBinding binding, PathKind kind, String sha256, long size) {

  public String name() {
    return binding.name();
  }
}
