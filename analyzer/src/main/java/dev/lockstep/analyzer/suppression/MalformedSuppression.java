package dev.lockstep.analyzer.suppression;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.Position;

/**
 * A comment or tag that means to be a suppression but cannot be read as one; it silences nothing.
 *
 * @param cell     the cell it is in
 * @param position where it is
 * @param problem  what is wrong and how to write it, one line
 */
public record MalformedSuppression(AnalyzedCell cell, Position position, String problem) {
}
