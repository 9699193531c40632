package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.facts.magics.MagicCatalogue;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * LS505: line magics that act on the interactive session and have no pipeline equivalent
 * ({@code %store}, {@code %load}, {@code %autoreload}, {@code %reset}, {@code %rerun}...), and
 * line magics extract does not know. Display, timing, environment and install magics, which
 * extract translates, are not reported; see {@link MagicCatalogue}.
 */
@RuleInfo(id = "LS505", name = "unsupported-magic", category = Category.PORTABILITY,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "Magics with no pipeline equivalent (%store, %load, %autoreload...)")
public final class UnsupportedMagic implements Rule {

    @Override
    public void check(RuleContext context) {
        for (AnalyzedCell cell : context.notebook().pythonCells()) {
            for (Magic magic : cell.magics()) {
                String reason = MagicCatalogue.unsupportedReason(magic);
                if (reason != null) {
                    context.report(cell, magic, "'%" + shorten(magic.commandLine()) + "' has no equivalent in a job: "
                            + reason);
                }
            }
        }
    }

    private static String shorten(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }
}
