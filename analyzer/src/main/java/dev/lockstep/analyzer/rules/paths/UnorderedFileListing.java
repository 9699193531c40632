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

    /**
     * sorted(os.walk(...)) would order the folders but not each folder's lists, and a top-down walk
     * descends in the order of the list it yielded: the walk is wrapped in a generator that sorts
     * both lists in place before handing them on, so the descent follows the sorted folder list.
     * os.fwalk yields four values and gets no fix.
     */
    private static Fix walkFix(String shown, CallSite call) {
        if (shown.endsWith("fwalk")) {
            return null;
        }
        return new Fix("sort each folder's lists as " + shown + "() goes", List.of(
                new Fix.Edit(call.node().startOffset(), call.node().startOffset(),
                        "((_root, _dirs.sort() or _dirs, _files.sort() or _files) for _root, _dirs, _files in "),
                new Fix.Edit(call.node().endOffset(), call.node().endOffset(), ")")));
    }

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
                    context.report(call.cell(), call.node(), shown + "() visits folders and lists files in file-system "
                            + "order, which differs between machines: sort each folder's lists as the walk goes "
                            + "(dirs.sort(); files.sort()) so every run sees the same order", walkFix(shown, call));
                } else {
                    context.report(call.cell(), call.node(), message, new Fix("wrap " + shown + "() in sorted(...)", List.of(
                            new Fix.Edit(call.node().startOffset(), call.node().startOffset(), "sorted("),
                            new Fix.Edit(call.node().endOffset(), call.node().endOffset(), ")"))));
                }
            }
        }
    }
}
