package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.history.CellRole;
import dev.lockstep.analyzer.history.CellRoles;
import dev.lockstep.analyzer.history.ExecutionHistory;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.Binding;
import dev.lockstep.analyzer.semantics.BindingKind;
import dev.lockstep.analyzer.semantics.NameRead;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * LS101: a cell run, within one kernel session, after cells below it that read what it binds.
 * One finding per such cell, the cause, rather than one per cell whose count looks out of
 * order: a single re-run above makes every earlier-run cell below it look out of order. A re-run
 * matters only when it changes what those cells read, so re-runs of installs, displays, imports
 * and comment-only cells, re-runs that died with an error (and may have bound nothing), and
 * re-runs of cells that bind nothing the cells below read are not reported. Counts from
 * different kernel sessions are LS109's.
 */
@RuleInfo(id = "LS101", name = "out-of-order-execution", category = Category.EXECUTION_ORDER,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "A cell was run after cells below it that read what it binds: their saved results come from an order a top-to-bottom run does not follow")
public final class OutOfOrderExecution implements Rule {

    /** How many cells and names a message lists before it says "and N more". */
    private static final int LISTED = 3;

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        CellRoles roles = CellRoles.of(notebook);
        for (ExecutionHistory.RunLater entry : notebook.history().runLater()) {
            AnalyzedCell cell = notebook.cell(entry.cell().index());
            if (!roles.of(cell).affectsResults() || ExecutionHistory.failed(entry.cell())) {
                continue;
            }
            Set<String> bound = new LinkedHashSet<>();
            for (Binding binding : cell.semantics().bindings()) {
                if (binding.kind() != BindingKind.IMPORT) {
                    bound.add(binding.name()); // re-importing a module gives the same module
                }
            }
            List<Cell> readers = new ArrayList<>();
            Set<String> read = new LinkedHashSet<>();
            for (Cell below : entry.earlierBelow()) {
                boolean reads = false;
                for (NameRead r : notebook.cell(below.index()).semantics().reads()) {
                    if (bound.contains(r.name())) {
                        read.add(r.name());
                        reads = true;
                    }
                }
                if (reads) {
                    readers.add(below);
                }
            }
            if (readers.isEmpty()) {
                continue;
            }
            context.reportCell(cell, "ran as [" + entry.cell().executionCount() + "] after " + cells(readers)
                    + " below it, which read " + names(read) + " it binds: their saved results come from another "
                    + "value than a top-to-bottom run gives them; restart and run all before saving");
        }
    }

    private static String cells(List<Cell> cells) {
        List<String> shown = new ArrayList<>();
        for (Cell c : cells.subList(0, Math.min(LISTED, cells.size()))) {
            shown.add("cell " + c.number() + " [" + c.executionCount() + "]");
        }
        String more = cells.size() > LISTED ? " and " + (cells.size() - LISTED) + " more" : "";
        return String.join(", ", shown) + more;
    }

    private static String names(Set<String> names) {
        List<String> all = new ArrayList<>(names);
        List<String> shown = new ArrayList<>();
        for (String n : all.subList(0, Math.min(LISTED, all.size()))) {
            shown.add("'" + n + "'");
        }
        String more = all.size() > LISTED ? " and " + (all.size() - LISTED) + " more" : "";
        return String.join(", ", shown) + more;
    }
}
