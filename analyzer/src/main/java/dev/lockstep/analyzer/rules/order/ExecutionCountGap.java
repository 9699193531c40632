package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.history.ExecutionHistory;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/** LS103: execution counts that skip numbers between consecutively run cells. */
@RuleInfo(id = "LS103", name = "execution-count-gap", category = Category.EXECUTION_ORDER,
        severity = Severity.INFO, remedy = Remedy.REPORTED,
        summary = "Missing execution counts between executed cells: cells were run and later deleted or re-run")
public final class ExecutionCountGap implements Rule {
    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (ExecutionHistory.Gap gap : notebook.history().gaps()) {
            int missing = gap.missing();
            context.reportCell(notebook.cell(gap.after().index()),
                    "ran as [" + gap.after().executionCount() + "] right after [" + gap.before().executionCount()
                            + "] (cell " + gap.before().number() + "): " + missing
                            + (missing == 1 ? " execution is" : " executions are")
                            + " not in the notebook (a deleted cell, or a re-run whose effects may linger)");
        }
    }
}
