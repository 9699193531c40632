package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
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
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * LS104: a name used in a cell but bound only further down. Reads inside a function count
 * where the function is used, so a helper that reads a global defined later is fine unless it
 * is called before that global exists.
 */
@RuleInfo(id = "LS104", name = "use-before-definition", category = Category.EXECUTION_ORDER,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "A name is used in a cell but first defined only in a later cell (works only out of order)")
public final class UseBeforeDefinition implements Rule {
    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        NameAvailability names = new NameAvailability(notebook);
        for (AnalyzedCell cell : notebook.pythonCells()) {
            if (cell.hasSyntaxErrors() || names.dynamicNamespaceBefore(cell.index())) {
                continue;
            }
            Set<String> reported = new HashSet<>();
            for (NameRead read : cell.semantics().reads()) {
                if (read.guarded() || reported.contains(read.name())) {
                    continue;
                }
                if (!names.availableAt(read.name(), cell.index(), read.statement())) {
                    Optional<Definition> later = names.firstLaterDefinition(read.name(), cell.index(), read.statement());
                    if (later.isPresent()) {
                        reported.add(read.name());
                        context.report(cell, read.node(), "'" + read.name() + "' is used here but first defined "
                                + where(cell, later.get()) + ": this works only if that ran first");
                    }
                    continue;
                }
                checkCalledFunction(context, names, cell, read, reported);
            }
        }
    }

    /** A call of a function defined above whose body reads a global that only exists further down. */
    private static void checkCalledFunction(RuleContext context, NameAvailability names, AnalyzedCell cell, NameRead read,
            Set<String> reported) {
        AnalyzedNotebook notebook = context.notebook();
        ProgramPoint at = notebook.point(cell, read.node());
        Optional<Definition> inEffect = names.bindingAt(read.name(), cell.index(), read.statement());
        if (inEffect.isEmpty() || inEffect.get().kind() != BindingKind.FUNCTION) {
            return; // a variable (model = RandomForestClassifier()) is not the function a later cell defines
        }
        FunctionSummary function = notebook.function(read.name(), at);
        if (function == null || function.isClass()) {
            return;
        }
        Deque<FunctionSummary> work = new ArrayDeque<>();
        Set<String> visited = new HashSet<>();
        work.push(function);
        visited.add(function.name());
        while (!work.isEmpty()) {
            FunctionSummary current = work.pop();
            for (String global : current.freeReads()) {
                if (reported.contains(global)) {
                    continue;
                }
                if (!names.availableAt(global, cell.index(), read.statement())) {
                    Optional<Definition> later = names.firstLaterDefinition(global, cell.index(), read.statement());
                    if (later.isPresent()) {
                        reported.add(global);
                        context.report(cell, read.node(), "'" + read.name() + "' reads '" + global
                                + "', which is first defined " + where(cell, later.get())
                                + ": this works only if that ran first");
                    }
                    continue;
                }
                FunctionSummary callee = notebook.function(global, at);
                if (callee != null && !callee.isClass() && visited.add(callee.name())) {
                    work.push(callee);
                }
            }
        }
    }

    private static String where(AnalyzedCell cell, Definition definition) {
        if (definition.cell().index() == cell.index()) {
            return "further down this cell (line " + definition.line() + ")";
        }
        return "in cell " + definition.cell().number() + " (line " + definition.line() + ")";
    }
}
