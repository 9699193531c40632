package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.history.ExecutionHistory;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/** LS101: execution counts that go down in document order. */
@RuleInfo(id = "LS101", name = "out-of-order-execution", category = Category.EXECUTION_ORDER,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "Execution counts of code cells do not increase in document order")
public final class OutOfOrderExecution implements Rule {
    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (ExecutionHistory.OutOfOrder entry : notebook.history().outOfOrder()) {
            context.reportCell(notebook.cell(entry.cell().index()),
                    "ran as [" + entry.cell().executionCount() + "], before cell " + entry.runLaterAbove().number()
                            + " above it ran as [" + entry.runLaterAbove().executionCount()
                            + "]: the saved results come from an order a top-to-bottom run does not follow");
        }
    }
}
