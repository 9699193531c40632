package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
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
            int defCell = d.cell().index();
            if (defCell < cellIndex || (defCell == cellIndex && d.statement() <= statement)) {
                return true;
            }
        }
        return false;
    }

    /** The first binding after the point, in document order, if any. */
    Optional<Definition> firstLaterDefinition(String name, int cellIndex, int statement) {
        List<Definition> all = notebook.definitionsOf(name);
        return all.stream()
                .filter(d -> d.cell().index() > cellIndex || (d.cell().index() == cellIndex && d.statement() > statement))
                .findFirst();
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
