package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.PathObjects;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.List;
import java.util.Set;

/**
 * LS206: directory listings whose order reaches a result. {@code os.listdir}, {@code os.scandir},
 * {@code os.walk}, {@code glob.glob}/{@code iglob} and the {@code glob}/{@code rglob}/{@code iterdir}
 * methods of {@code pathlib} paths return entries in file-system order, which differs between
 * machines and file systems. Sorted listings, and listings consumed only order-independently
 * ({@code len}, {@code set}, {@code in}, a truth test), are fine.
 */
@RuleInfo(id = "LS206", name = "unordered-file-listing", category = Category.PATHS,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "os.listdir, glob.glob, Path.glob/iterdir, os.walk, os.scandir used without sorted(...)")
public final class UnorderedFileListing implements Rule {

    private static final Set<String> LISTING_FUNCTIONS = Set.of("os.listdir", "os.scandir", "os.walk", "os.fwalk",
            "glob.glob", "glob.iglob", "os.path.walk");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (CallSite call : notebook.calls()) {
            String shown;
            boolean walk;
            if (call.qualifiedName() != null && LISTING_FUNCTIONS.contains(call.qualifiedName())) {
                shown = call.qualifiedName();
                walk = call.qualifiedName().endsWith("walk");
            } else if (call.methodName() != null && call.receiver() != null
                    && (PathObjects.LISTING_METHODS.contains(call.methodName()) || call.methodName().equals("walk"))
                    && (call.qualifiedName() == null || call.qualifiedName().startsWith("pathlib."))
                    && notebook.facts().values().isPath(call.cell(), call.receiver())) {
                shown = "Path." + call.methodName();
                walk = call.methodName().equals("walk");
            } else {
                continue;
            }
            if (ListingOrder.orderMatters(notebook, call.cell(), call.node(), walk)) {
                String message = shown + "() returns entries in file-system order, which "
                        + "differs between machines: wrap it in sorted(...) so every run sees the same order";
                if (walk) {
                    // sorted(os.walk(...)) orders the folders but not each folder's file list: no safe one-edit fix.
                    context.report(call.cell(), call.node(), message);
                } else {
                    context.report(call.cell(), call.node(), message, new Fix("wrap " + shown + "() in sorted(...)", List.of(
                            new Fix.Edit(call.node().startOffset(), call.node().startOffset(), "sorted("),
                            new Fix.Edit(call.node().endOffset(), call.node().endOffset(), ")"))));
                }
            }
        }
    }
}
