package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.Set;

/**
 * LS203: changes of the kernel's working directory ({@code os.chdir}, {@code %cd},
 * {@code %pushd}/{@code %popd}). They persist across cells, so what a relative path means
 * depends on which cells ran before, and how often. {@code !cd} runs in a subshell and changes
 * nothing; {@code contextlib.chdir} restores the directory when its block ends: neither is
 * reported.
 */
@RuleInfo(id = "LS203", name = "working-directory-change", category = Category.PATHS,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "os.chdir, %cd: hidden current-directory state")
public final class WorkingDirectoryChange implements Rule {

    private static final Set<String> MAGICS = Set.of("cd", "pushd", "popd");

    @Override
    public void check(RuleContext context) {
        for (CallSite call : context.notebook().callsTo("os.chdir", "os.fchdir")) {
            context.report(call.cell(), call.node(), call.qualifiedName() + "() changes the working directory for "
                    + "every later cell: relative paths then depend on what ran before; build paths from one "
                    + "base directory instead");
        }
        for (AnalyzedCell cell : context.notebook().pythonCells()) {
            for (Magic magic : cell.magics()) {
                if (magic.kind() == MagicKind.LINE_MAGIC && MAGICS.contains(magic.name())) {
                    context.report(cell, magic, "%" + magic.name() + " changes the working directory for every later "
                            + "cell: relative paths then depend on what ran before; build paths from one base "
                            + "directory instead");
                }
            }
        }
    }
}
