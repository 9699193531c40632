package dev.lockstep.runtime.record;

import java.nio.file.Path;

/** A run already on disk: its id, its directory and its record. */
public record StoredRun(String runId, Path directory, RunRecord record) {}
