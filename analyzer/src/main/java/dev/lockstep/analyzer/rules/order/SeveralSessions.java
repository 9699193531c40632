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
import java.util.List;

/**
 * LS109: the saved outputs come from more than one kernel session. Counts restart at [1] after
 * a restart, so a [1] (or a repeated count) below cells that ran marks cells run in a later
 * kernel than those above: no single run produced the notebook as saved, and what the later
 * session's cells read may have come from cells it never ran. One finding per notebook, on the
 * first cell of the second session.
 */
@RuleInfo(id = "LS109", name = "several-sessions", category = Category.EXECUTION_ORDER,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "Saved outputs come from several kernel sessions (counts restart at [1] or repeat): no single run produced them")
public final class SeveralSessions implements Rule {
    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        List<List<Cell>> sessions = notebook.history().sessions();
        if (sessions.size() < 2) {
            return;
        }
        List<Cell> first = sessions.get(0);
        Cell restart = sessions.get(1).get(0);
        Cell before = first.get(first.size() - 1);
        boolean repeats = first.stream().anyMatch(c -> c.executionCount().equals(restart.executionCount()));
        String evidence = repeats
                ? "ran as [" + restart.executionCount() + "], a count cell "
                        + first.stream().filter(c -> c.executionCount().equals(restart.executionCount())).findFirst()
                                .orElseThrow().number() + " above it also holds"
                : "ran as [" + restart.executionCount() + "] after cell " + before.number() + " above it ran as ["
                        + before.executionCount() + "]";
        context.reportCell(notebook.cell(restart.index()), evidence + ": the saved outputs come from "
                + sessions.size() + " kernel sessions, so no single run produced them; restart the kernel, run all "
                + "and save");
    }
}
