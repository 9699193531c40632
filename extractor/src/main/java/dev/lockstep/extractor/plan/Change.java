package dev.lockstep.extractor.plan;

/**
 * Something extract changed in the code, reported so nothing happens silently.
 *
 * @param pass    the pass that made it
 * @param cell    1-based cell
 * @param line    1-based line in the original cell, or 0
 * @param summary what changed
 */
public record Change(String pass, int cell, int line, String summary) {
}
