package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.history.CellRoles;
import dev.lockstep.analyzer.history.ExecutionHistory;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.BindingKind;
import dev.lockstep.analyzer.semantics.FunctionSummary;
import dev.lockstep.analyzer.semantics.NameRead;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * LS106: a cell whose saved results were computed from a name that the cell above defining it
 * has replaced since. The binding that matters is the one a top-to-bottom run gives the cell
 * (the last one above it); when that cell's execution count is higher than this cell's, it ran
 * after this cell did, so this cell's outputs (and the values it bound) come from an older value.
 * Names a called function reads count too. Re-running an import is not a replacement. A name
 * the cell reads directly from a re-run cell is LS101's, which reports that re-run once as the
 * cause; this rule keeps what LS101 cannot see: values reached through a called function.
 */
@RuleInfo(id = "LS106", name = "stale-dependency", category = Category.EXECUTION_ORDER,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "A cell's saved result was computed, through a function it calls, from a definition that a re-run of an earlier cell has since replaced")
public final class StaleDependency implements Rule {

    /** How many names a message lists before it says "and N more". */
    private static final int LISTED_NAMES = 4;

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        NameAvailability names = new NameAvailability(notebook);
        Map<Integer, Integer> sessions = notebook.history().sessionOf();
        CellRoles roles = CellRoles.of(notebook);
        for (AnalyzedCell cell : notebook.pythonCells()) {
            Integer count = cell.cell().executionCount();
            if (count == null || cell.hasSyntaxErrors()) {
                continue;
            }
            // by defining cell: where this cell first uses one of its names, and which names
            Map<Integer, StaleUse> byDefiningCell = new TreeMap<>();
            for (NameRead read : cell.semantics().reads()) {
                if (read.guarded()) {
                    continue;
                }
                int statementStart = NameAvailability.statementOf(read.node()).startOffset();
                consider(names, sessions, roles, cell, count, read.name(), null, read.node(), statementStart, byDefiningCell);
                FunctionSummary function = notebook.function(read.name(), notebook.point(cell, read.node()));
                boolean isFunction = names.bindingAt(read.name(), cell.index(), read.statement())
                        .map(d -> d.kind() == BindingKind.FUNCTION).orElse(false);
                if (function != null && !function.isClass() && isFunction) {
                    for (String global : globalsReadBy(notebook, cell, read, function)) {
                        consider(names, sessions, roles, cell, count, global, read.name(), read.node(), statementStart, byDefiningCell);
                    }
                }
            }
            for (StaleUse use : byDefiningCell.values()) {
                Integer definingCount = use.definingCell().cell().executionCount();
                context.report(cell, use.anchor(), describe(use.names()) + " from cell " + use.definingCell().number()
                        + ", which was run as [" + definingCount + "] after this cell ran as [" + count
                        + "]: the saved results here were computed from an older value; re-run this cell (or restart "
                        + "and run all) so they match the code");
            }
        }
    }

    /** Records a stale use when the binding a top-to-bottom run gives {@code name} here ran after this cell. */
    private static void consider(NameAvailability names, Map<Integer, Integer> sessions, CellRoles roles, AnalyzedCell cell, int count, String name, String via,
            SyntaxNode anchor, int statementStart, Map<Integer, StaleUse> byDefiningCell) {
        if (NameAvailability.boundInCellBefore(cell, name, statementStart)) {
            return; // the cell's own value, not one from above
        }
        Optional<Definition> seen = names.lastDefinitionAbove(name, cell.index());
        if (seen.isEmpty() || seen.get().kind() == BindingKind.IMPORT
                || seen.get().kind() == BindingKind.GLOBAL_IN_FUNCTION) {
            return; // re-importing a module rebinds the same object; function-made globals run elsewhere
        }
        AnalyzedCell defining = seen.get().cell();
        Integer definingCount = defining.cell().executionCount();
        if (definingCount == null || definingCount <= count) {
            return;
        }
        if (ExecutionHistory.failed(defining.cell())) {
            return; // that re-run died with an exception: it may have rebound nothing
        }
        if (!Objects.equals(sessions.get(defining.index()), sessions.get(cell.index()))) {
            return; // the two ran in different kernel sessions: LS109 reports that
        }
        if (via == null && roles.of(defining).affectsResults()) {
            return; // a direct read of a re-run cell's name: LS101 reports that re-run once, as the cause
        }
        StaleUse use = byDefiningCell.computeIfAbsent(defining.index(), k -> new StaleUse(defining, anchor));
        use.names().putIfAbsent(name, via);
    }

    /** The globals a call of {@code function} reads, through the functions it calls in turn. */
    private static List<String> globalsReadBy(AnalyzedNotebook notebook, AnalyzedCell cell, NameRead read,
            FunctionSummary function) {
        List<String> result = new ArrayList<>();
        Deque<FunctionSummary> work = new ArrayDeque<>();
        Set<String> visited = new HashSet<>();
        work.push(function);
        visited.add(function.name());
        while (!work.isEmpty()) {
            FunctionSummary current = work.pop();
            for (String global : current.freeReads()) {
                if (!result.contains(global)) {
                    result.add(global);
                }
                FunctionSummary callee = notebook.function(global, notebook.point(cell, read.node()));
                if (callee != null && !callee.isClass() && visited.add(callee.name())) {
                    work.push(callee);
                }
            }
        }
        return result;
    }

    private static String describe(Map<String, String> names) {
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, String> entry : names.entrySet()) {
            if (shown.size() == LISTED_NAMES) {
                break;
            }
            shown.add("'" + entry.getKey() + "'" + (entry.getValue() == null ? "" : " (read by '" + entry.getValue() + "')"));
        }
        String list = String.join(", ", shown);
        if (names.size() > LISTED_NAMES) {
            list += " and " + (names.size() - LISTED_NAMES) + " more";
        }
        return list + (names.size() == 1 ? " comes" : " come");
    }

    /**
     * The uses of one defining cell's names, collected while walking a cell: the first use, and
     * each name with the function that reads it (null when read directly).
     */
    private static final class StaleUse {
        private final AnalyzedCell definingCell;
        private final SyntaxNode anchor;
        private final Map<String, String> names = new LinkedHashMap<>();

        StaleUse(AnalyzedCell definingCell, SyntaxNode anchor) {
            this.definingCell = definingCell;
            this.anchor = anchor;
        }

        AnalyzedCell definingCell() {
            return definingCell;
        }

        SyntaxNode anchor() {
            return anchor;
        }

        Map<String, String> names() {
            return names;
        }
    }
}
