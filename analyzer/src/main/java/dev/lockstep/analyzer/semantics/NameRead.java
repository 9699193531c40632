package dev.lockstep.analyzer.semantics;

import dev.lockstep.analyzer.python.SyntaxNode;

/**
 * A read of a module-level (global) name.
 *
 * @param name        the name read
 * @param node        the identifier node
 * @param statement   index of the cell's top-level statement the read belongs to
 * @param guarded     inside a {@code try} whose handler catches {@code NameError}: an existence check
 */
public record NameRead(String name, SyntaxNode node, int statement, boolean guarded) {
}
