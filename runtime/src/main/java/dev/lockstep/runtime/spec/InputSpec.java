package dev.lockstep.runtime.spec;

import java.util.Optional;

/**
 * A file the job reads.
 *
 * @param path as written: relative to the job directory, or absolute
 * @param sha256 lowercase hex; empty when the input was not bound at extract time and must be
 *     given with {@code --input NAME=PATH}
 */
public record InputSpec(String name, String path, Optional<String> sha256) {}
