package dev.lockstep.runtime.process;

/**
 * How the job's process ended.
 *
 * @param stderrTail the last part of its stderr (redacted), where a Python traceback ends up
 */
public record ProcessResult(int exitCode, String stderrTail) {}
