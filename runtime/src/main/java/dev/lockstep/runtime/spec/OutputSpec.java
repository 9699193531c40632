package dev.lockstep.runtime.spec;

/**
 * A file the job writes.
 *
 * @param path relative, normalized, resolved per run under {@code runs/<run-id>/}
 */
public record OutputSpec(String name, String path, ComparePolicy compare) {}
