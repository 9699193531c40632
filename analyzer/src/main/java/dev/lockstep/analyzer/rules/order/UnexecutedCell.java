package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/** LS102: a code cell that was never run while others were. */
@RuleInfo(id = "LS102", name = "unexecuted-cell", category = Category.EXECUTION_ORDER,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "A code cell with no execution count while other cells were run")
public final class UnexecutedCell implements Rule {
    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (Cell cell : notebook.history().unexecuted()) {
            context.reportCell(notebook.cell(cell.index()),
                    "never ran in the saved session: a top-to-bottom run executes code whose effects the saved outputs never saw");
        }
    }
}
