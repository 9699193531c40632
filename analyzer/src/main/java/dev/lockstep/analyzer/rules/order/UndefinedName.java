package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.PythonBuiltins;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.FunctionSummary;
import dev.lockstep.analyzer.semantics.NameRead;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * LS105: a name read but bound nowhere in the notebook: it lived only in the kernel. Reads in
 * function and method bodies count too (wherever they run, the name must come from somewhere).
 * Silent when a star import, {@code %run} or {@code exec} may have bound it (LS108 reports those).
 */
@RuleInfo(id = "LS105", name = "undefined-name", category = Category.EXECUTION_ORDER,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "A name is used but defined nowhere in the notebook, not builtin, not imported: it lived only in the kernel")
public final class UndefinedName implements Rule {
    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        if (notebook.hasDynamicNamespace()) {
            return;
        }
        Set<String> defined = notebook.definedNames();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            if (cell.hasSyntaxErrors()) {
                continue;
            }
            Set<String> reported = new HashSet<>();
            for (NameRead read : cell.semantics().reads()) {
                if (!read.guarded() && isUndefined(read.name(), defined) && reported.add(read.name())) {
                    report(context, cell, read.node(), read.name());
                }
            }
            for (FunctionSummary function : cell.semantics().functions().values()) {
                for (Map.Entry<String, SyntaxNode> site : function.readSites().entrySet()) {
                    if (isUndefined(site.getKey(), defined) && reported.add(site.getKey())) {
                        report(context, cell, site.getValue(), site.getKey());
                    }
                }
            }
        }
    }

    private static boolean isUndefined(String name, Set<String> defined) {
        return !defined.contains(name) && !PythonBuiltins.isPredefined(name);
    }

    private static void report(RuleContext context, AnalyzedCell cell, SyntaxNode node, String name) {
        context.report(cell, node, "'" + name + "' is not defined anywhere in the notebook: it existed only in the "
                + "kernel's memory; define or import it in a cell");
    }
}
