package dev.lockstep.extractor.plan;

/**
 * Something extract could not make deterministic and runnable: the user must decide.
 *
 * @param ruleId   the rule that names the gap ({@code LS402}), or an extract-specific id ({@code EX...})
 * @param cell     1-based cell, or 0 for the notebook as a whole
 * @param line     1-based line in the cell, or 0
 * @param message  what is wrong
 * @param decision what the user must decide or do
 */
public record Blocker(String ruleId, int cell, int line, String message, String decision) {
}
