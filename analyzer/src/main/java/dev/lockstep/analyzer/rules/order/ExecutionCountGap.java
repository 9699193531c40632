package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.history.ExecutionHistory;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LS103: one summary of what the saved execution history hides, per notebook: executions that
 * left no cell behind (counts skipped between consecutively run cells, within a session),
 * counts held by two cells (a restart), and counts cleared by hand. Each is a hint that state
 * came from code no longer shown, not a defect by itself, so the notebook gets one line, not
 * one per gap.
 */
@RuleInfo(id = "LS103", name = "execution-count-gap", category = Category.EXECUTION_ORDER,
        severity = Severity.INFO, remedy = Remedy.REPORTED,
        summary = "A summary of the execution history: counts skipped (cells run and later deleted or re-run), counts repeated by a restart, counts cleared by hand")
public final class ExecutionCountGap implements Rule {
    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        ExecutionHistory history = notebook.history();
        List<ExecutionHistory.Gap> gaps = history.gaps();
        int missing = gaps.stream().mapToInt(ExecutionHistory.Gap::missing).sum();
        Set<Integer> duplicates = history.duplicateCounts();
        List<Cell> cleared = history.codeCells().stream().filter(ExecutionHistory::countCleared).toList();
        List<String> parts = new ArrayList<>();
        if (missing > 0) {
            ExecutionHistory.Gap largest = gaps.stream()
                    .max((a, b) -> a.missing() != b.missing() ? Integer.compare(a.missing(), b.missing())
                            : Integer.compare(b.after().index(), a.after().index()))
                    .orElseThrow();
            parts.add(missing + (missing == 1 ? " execution is" : " executions are") + " not in the notebook ("
                    + gaps.size() + (gaps.size() == 1 ? " gap" : " gaps") + ", the largest " + largest.missing()
                    + " before cell " + largest.after().number() + " [" + largest.after().executionCount() + "]): "
                    + "deleted cells or re-runs whose effects may linger");
        }
        if (!duplicates.isEmpty()) {
            parts.add("counts " + join(duplicates) + " are held by more than one cell (the kernel was restarted)");
        }
        if (!cleared.isEmpty()) {
            parts.add(cleared.size() + (cleared.size() == 1 ? " cell has" : " cells have") + " outputs but no count "
                    + "(cleared by hand, first cell " + cleared.get(0).number() + ")");
        }
        if (!parts.isEmpty()) {
            context.reportNotebook("execution history: " + String.join("; ", parts));
        }
    }

    private static String join(Set<Integer> counts) {
        List<String> shown = new ArrayList<>();
        for (Integer c : counts) {
            if (shown.size() == 5) {
                shown.add("...");
                break;
            }
            shown.add("[" + c + "]");
        }
        return String.join(", ", shown);
    }
}
