package dev.lockstep.analyzer.semantics;

import dev.lockstep.analyzer.python.SyntaxNode;

/**
 * A module-level name bound by a cell.
 *
 * @param name      the name
 * @param node      the node that binds it (the identifier, or the statement for magics)
 * @param statement index of the cell's top-level statement that binds it
 * @param kind      how it is bound
 */
public record Binding(String name, SyntaxNode node, int statement, BindingKind kind) {
}
