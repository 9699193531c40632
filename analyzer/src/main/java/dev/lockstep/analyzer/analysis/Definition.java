package dev.lockstep.analyzer.analysis;

import dev.lockstep.analyzer.semantics.BindingKind;

/**
 * A module-level binding somewhere in the notebook.
 *
 * @param name   the name bound
 * @param cell   the cell that binds it
 * @param point  where (for magics, the start of the cell)
 * @param statement the top-level statement of the cell that binds it
 * @param kind   how it is bound
 * @param node   the binding node, or null for magics
 */
public record Definition(String name, AnalyzedCell cell, ProgramPoint point, int statement, BindingKind kind,
        dev.lockstep.analyzer.python.SyntaxNode node) {

    /** The 1-based line in the cell's own source where the name is bound. */
    public int line() {
        return node == null ? 1 : cell.position(node).line();
    }
}
