package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.Binding;
import dev.lockstep.analyzer.semantics.BindingKind;
import java.util.List;
import java.util.Optional;

/**
 * Whether a module-level name exists at a point of a top-to-bottom run. Shared by the rules
 * about names (LS104, LS105) so they agree on what "defined before" means.
 */
final class NameAvailability {
    private final AnalyzedNotebook notebook;

    NameAvailability(AnalyzedNotebook notebook) {
        this.notebook = notebook;
    }

    /**
     * A name read in cell {@code cellIndex}, top-level statement {@code statement}, exists when
     * a cell above binds it, or a statement of the same cell at or before that one does (the
     * same statement counts: loops bind on one pass and read on the next).
     */
    boolean availableAt(String name, int cellIndex, int statement) {
        for (Definition d : notebook.definitionsOf(name)) {
            if (d.kind() == BindingKind.AUGMENTED_ASSIGNMENT) {
                continue; // x += 1 needs x to exist already: it updates a binding, it does not make one
            }
            int defCell = d.cell().index();
            if (defCell < cellIndex || (defCell == cellIndex && d.statement() <= statement)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The binding in effect at a point of a top-to-bottom run: the last one at or before the
     * statement, in document order; empty when none is.
     */
    Optional<Definition> bindingAt(String name, int cellIndex, int statement) {
        Definition last = null;
        for (Definition d : notebook.definitionsOf(name)) {
            int defCell = d.cell().index();
            boolean before = defCell < cellIndex || (defCell == cellIndex && d.statement() <= statement);
            if (before && (last == null || d.point().compareTo(last.point()) > 0)) {
                last = d;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The first binding after the point, in document order, if any. */
    Optional<Definition> firstLaterDefinition(String name, int cellIndex, int statement) {
        List<Definition> all = notebook.definitionsOf(name);
        return all.stream()
                .filter(d -> d.cell().index() > cellIndex || (d.cell().index() == cellIndex && d.statement() > statement))
                .findFirst();
    }

    /**
     * The binding a top-to-bottom run gives a name when cell {@code cellIndex} starts: the last
     * one in the cells above it, in document order; empty when no cell above binds it.
     */
    Optional<Definition> lastDefinitionAbove(String name, int cellIndex) {
        Definition last = null;
        for (Definition d : notebook.definitionsOf(name)) {
            if (d.cell().index() < cellIndex && (last == null || d.point().compareTo(last.point()) > 0)) {
                last = d;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Whether the cell binds the name at module level somewhere before {@code offset} (its own value). */
    static boolean boundInCellBefore(AnalyzedCell cell, String name, int offset) {
        for (Binding b : cell.semantics().bindings()) {
            if (b.name().equals(name) && b.node() != null && b.node().startOffset() < offset) {
                return true;
            }
        }
        return false;
    }

    /** The statement (a child of the module or of a block) that contains the node. */
    static SyntaxNode statementOf(SyntaxNode node) {
        SyntaxNode current = node;
        while (current.parent() != null && !current.parent().is("module") && !current.parent().is("block")) {
            current = current.parent();
        }
        return current;
    }

    /** Whether an invisible namespace change (star import, %run, exec) precedes the point. */
    boolean dynamicNamespaceBefore(int cellIndex) {
        for (ProgramPoint point : notebook.dynamicNamespacePoints()) {
            if (point.cellIndex() <= cellIndex) {
                return true;
            }
        }
        return false;
    }
}
