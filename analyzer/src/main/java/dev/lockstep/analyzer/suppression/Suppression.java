package dev.lockstep.analyzer.suppression;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Location;

/**
 * One rule id silenced on one line or in one cell. A comment naming several ids gives one
 * suppression per id, so each is judged used or unused on its own.
 *
 * @param cell     the cell it is written in
 * @param wholeCell true for a cell tag, false for a comment (which covers its own line)
 * @param line     1-based line of the comment in the cell's own source (0 for a cell tag)
 * @param ruleId   the id as written, or null for a blanket suppression of every rule
 * @param position where to point a finding about this suppression: the id in the comment, the
 *                 blanket comment, or the cell's first line for a tag
 * @param written  how it was written, for messages ({@code lockstep-ignore-LS201})
 */
public record Suppression(AnalyzedCell cell, boolean wholeCell, int line, String ruleId, Position position,
        String written) {

    /** Whether this suppression silences a finding (findings about the whole notebook are never silenced). */
    public boolean silences(Finding finding) {
        Location at = finding.location();
        return at.cell() == cell.number()
                && (wholeCell || at.line() == line)
                && (ruleId == null || ruleId.equals(finding.ruleId()));
    }

    public boolean isBlanket() {
        return ruleId == null;
    }
}
