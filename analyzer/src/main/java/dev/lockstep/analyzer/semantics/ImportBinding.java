package dev.lockstep.analyzer.semantics;

import dev.lockstep.analyzer.python.SyntaxNode;

/**
 * A name an import statement binds, mapped to what it means.
 *
 * @param localName     the name bound in the namespace ({@code np}); for star imports, {@code *}
 * @param qualifiedName the module or object it names ({@code numpy}); for star imports, the module
 * @param node          the import statement
 * @param star          {@code from m import *}
 */
public record ImportBinding(String localName, String qualifiedName, SyntaxNode node, boolean star) {

    /** The top-level package, {@code torch} for {@code torch.nn.functional}. */
    public String topLevelModule() {
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? qualifiedName : qualifiedName.substring(0, dot);
    }
}
