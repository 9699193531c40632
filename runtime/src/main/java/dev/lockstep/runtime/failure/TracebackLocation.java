package dev.lockstep.runtime.failure;

/**
 * Where a Python traceback says the job failed inside pipeline/main.py.
 *
 * @param line the last main.py frame's line
 * @param exception the final "Type: message" line (first line of the message)
 */
public record TracebackLocation(int line, String exception) {}
