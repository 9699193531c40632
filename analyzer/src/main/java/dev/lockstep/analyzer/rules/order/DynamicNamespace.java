package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.ImportBinding;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LS108: code that changes or reads the notebook's namespace in ways analysis cannot follow:
 * star imports, {@code %run}, {@code %pylab}, {@code %store -r}, {@code exec}, {@code eval},
 * and {@code globals()} used with a computed name. Every cell that makes the analysis treat the
 * namespace as dynamic (which silences LS104 and LS105) gets a finding here, so the reason for
 * that silence is always visible. {@code globals()["name"]} with a literal name is an ordinary
 * binding that analysis follows, so it is not reported.
 */
@RuleInfo(id = "LS108", name = "dynamic-namespace", category = Category.EXECUTION_ORDER,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "%run, exec, eval, globals()[...], %store -r, star imports: state that static analysis cannot see")
public final class DynamicNamespace implements Rule {

    private static final Set<String> NAMESPACE_FUNCTIONS = Set.of("builtins.globals", "builtins.vars", "builtins.locals");
    private static final Set<String> NAMESPACE_WRITES = Set.of("update", "setdefault", "__setitem__", "pop", "__delitem__");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        Set<Integer> reportedCells = new HashSet<>();
        Map<Integer, List<CallSite>> callsByCell = notebook.calls().stream()
                .collect(Collectors.groupingBy(c -> c.cell().index()));
        for (AnalyzedCell cell : notebook.pythonCells()) {
            int before = context.findings().size();
            magics(context, cell);
            for (ImportBinding binding : cell.semantics().imports()) {
                if (binding.star()) {
                    context.report(cell, binding.node(), "'from " + binding.qualifiedName() + " import *' binds names "
                            + "no cell shows, so undefined names go unreported: import the names you use");
                }
            }
            for (CallSite call : callsByCell.getOrDefault(cell.index(), List.of())) {
                dynamicCall(context, notebook, cell, call);
            }
            namespaceSubscripts(context, notebook, cell);
            if (context.findings().size() > before) {
                reportedCells.add(cell.index());
            }
        }
        // Whatever else made analysis treat the namespace as dynamic is still named.
        for (ProgramPoint point : notebook.dynamicNamespacePoints()) {
            if (reportedCells.add(point.cellIndex())) {
                context.reportCell(notebook.cell(point.cellIndex()), "changes the notebook's namespace in a way "
                        + "analysis cannot follow: names it binds are invisible, so undefined names go unreported");
            }
        }
    }

    private static void magics(RuleContext context, AnalyzedCell cell) {
        for (Magic magic : cell.magics()) {
            if (magic.kind() != MagicKind.LINE_MAGIC) {
                continue;
            }
            switch (magic.name()) {
                case "run" -> context.report(cell, magic, "%run " + shorten(magic.arguments()) + " executes code in the "
                        + "notebook's namespace that no cell shows: import what you need from a module, or copy the "
                        + "code into a cell");
                case "pylab" -> {
                    if (!magic.arguments().contains("--no-import-all")) {
                        context.report(cell, magic, "%pylab star-imports numpy and matplotlib into the namespace: use "
                                + "%matplotlib inline and import numpy as np, matplotlib.pyplot as plt");
                    }
                }
                case "store" -> {
                    if (magic.arguments().startsWith("-r")) {
                        context.report(cell, magic, "%store -r restores values saved in IPython's database on this "
                                + "machine, outside the notebook: save them to a file and load it in a cell instead");
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void dynamicCall(RuleContext context, AnalyzedNotebook notebook, AnalyzedCell cell, CallSite call) {
        if (call.is("builtins.exec")) {
            context.report(cell, call.node(), "exec() runs code assembled at run time: the names it binds are "
                    + "invisible to analysis; write the code out in the cell");
        } else if (call.is("builtins.eval")) {
            context.report(cell, call.node(), "eval() evaluates code assembled at run time: what it reads and computes "
                    + "is invisible to analysis; write the expression out (ast.literal_eval for literals)");
        } else if (call.methodName() != null && NAMESPACE_WRITES.contains(call.methodName())
                && isNamespace(notebook, cell, call.receiver())) {
            context.report(cell, call.node(), "globals()." + call.methodName() + "(...) binds variables no cell shows: "
                    + "keep such values in a dict of your own");
        }
    }

    /** {@code globals()[name]} with a computed name, read or written. */
    private static void namespaceSubscripts(RuleContext context, AnalyzedNotebook notebook, AnalyzedCell cell) {
        cell.root().walk(node -> {
            if (!node.is("subscript") || !isNamespace(notebook, cell, node.child("value"))) {
                return;
            }
            SyntaxNode key = node.child("subscript");
            if (key != null && StringLiterals.value(key) != null) {
                return; // a literal name: an ordinary binding or read that analysis follows
            }
            SyntaxNode parent = node.parent();
            boolean deleted = parent != null && parent.is("delete_statement");
            boolean assigned = parent != null && (parent.is("assignment") || parent.is("augmented_assignment"))
                    && node.equals(parent.child("left"));
            if (assigned || deleted) {
                context.report(cell, node, (deleted ? "deletes" : "assigns") + " a variable whose name is computed at "
                        + "run time: analysis cannot see it; keep such values in a dict of your own");
            } else {
                context.report(cell, node, "reads a variable whose name is computed at run time: which value is used "
                        + "is invisible to analysis; look it up in a dict of your own");
            }
        });
    }

    /** {@code globals()}, or {@code vars()} / {@code locals()} without arguments at module level. */
    private static boolean isNamespace(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression) {
        if (expression == null || !expression.is("call")) {
            return false;
        }
        SyntaxNode arguments = expression.child("arguments");
        if (arguments != null && !arguments.namedChildren().isEmpty()) {
            return false; // vars(obj) is the object's attributes
        }
        String name = notebook.qualify(cell, expression.child("function"));
        if (name == null || !NAMESPACE_FUNCTIONS.contains(name)) {
            return false;
        }
        return name.equals("builtins.globals") || cell.semantics().ownerOf(expression) == null;
    }

    private static String shorten(String text) {
        String oneLine = text.strip();
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }
}
