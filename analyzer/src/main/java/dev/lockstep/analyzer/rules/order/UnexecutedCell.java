package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.history.CellRole;
import dev.lockstep.analyzer.history.CellRoles;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LS102: code cells with no execution count while others were run, one finding per run of
 * consecutive such cells. A cell counts as never run only when the saved state does not prove
 * otherwise: a cell that kept outputs had its count cleared by hand, and a cell that binds a
 * name an executed cell below it reads (and no executed cell binds) must have run. A run that
 * holds a training or evaluation cell is escalated (the saved results were never produced by
 * the code shown); one that holds only installs, displays and comments is demoted.
 */
@RuleInfo(id = "LS102", name = "unexecuted-cell", category = Category.EXECUTION_ORDER,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "Code cells with no execution count while other cells were run (one finding per run of such cells; escalated for training and evaluation)")
public final class UnexecutedCell implements Rule {
    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        CellRoles roles = CellRoles.of(notebook);
        Set<Integer> neverRan = new HashSet<>();
        Evidence evidence = new Evidence(notebook);
        for (Cell cell : notebook.history().unexecuted()) {
            if (!evidence.provenToHaveRun(notebook.cell(cell.index()))) {
                neverRan.add(cell.index());
            }
        }
        List<List<AnalyzedCell>> runs = new ArrayList<>();
        List<AnalyzedCell> current = new ArrayList<>();
        for (AnalyzedCell cell : notebook.cells()) {
            if (!cell.cell().isCode()) {
                continue; // markdown between never-run cells does not split the run
            }
            if (neverRan.contains(cell.index())) {
                current.add(cell);
            } else if (!cell.cell().source().isBlank()) {
                if (!current.isEmpty()) {
                    runs.add(current);
                }
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        for (List<AnalyzedCell> run : runs) {
            report(context, roles, run);
        }
    }

    private static void report(RuleContext context, CellRoles roles, List<AnalyzedCell> run) {
        AnalyzedCell first = run.get(0);
        AnalyzedCell last = run.get(run.size() - 1);
        AnalyzedCell results = null;
        boolean matters = false;
        for (AnalyzedCell cell : run) {
            CellRole role = roles.of(cell);
            if (role.producesResults() && results == null) {
                results = cell;
            }
            matters |= role.affectsResults();
        }
        String which = run.size() == 1 ? "never ran in the saved session"
                : "cells " + first.number() + "-" + last.number() + " (" + run.size() + " code cells) never ran in the "
                        + "saved session";
        if (results != null) {
            String what = run.size() == 1 ? "this " + roles.of(results).label() + " cell never ran in the saved session"
                    : which + ", including the " + roles.of(results).label() + " in cell " + results.number();
            context.reportCell(first, what + ": the saved outputs were not produced by this code; run it and save, or "
                    + "remove it", +1);
        } else if (matters) {
            context.reportCell(first, which + ": a top-to-bottom run executes code whose effects the saved outputs "
                    + "never saw");
        } else {
            context.reportCell(first, which + " (only setup, display or comments): a top-to-bottom run also "
                    + "executes " + (run.size() == 1 ? "it" : "them"), -1);
        }
    }

    /**
     * What the executed cells prove about the others, computed once per notebook: the names
     * executed cells bind, and for each name the last executed cell that reads it.
     */
    private static final class Evidence {
        private final Set<String> boundByExecuted = new HashSet<>();
        private final java.util.Map<String, Integer> lastExecutedRead = new java.util.HashMap<>();

        Evidence(AnalyzedNotebook notebook) {
            for (AnalyzedCell cell : notebook.pythonCells()) {
                if (cell.cell().executionCount() == null) {
                    continue;
                }
                for (Binding binding : cell.semantics().bindings()) {
                    boundByExecuted.add(binding.name());
                }
                for (NameRead read : cell.semantics().reads()) {
                    lastExecutedRead.merge(read.name(), cell.index(), Math::max);
                }
            }
        }

        /** An executed cell below reads a name this cell binds, and no executed cell binds it: this cell ran. */
        boolean provenToHaveRun(AnalyzedCell cell) {
            for (Binding binding : cell.semantics().bindings()) {
                String name = binding.name();
                if (binding.kind() != BindingKind.IMPORT && !boundByExecuted.contains(name)
                        && lastExecutedRead.getOrDefault(name, -1) > cell.index()) {
                    return true;
                }
            }
            return false;
        }
    }
}
