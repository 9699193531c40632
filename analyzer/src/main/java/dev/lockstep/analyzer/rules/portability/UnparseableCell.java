package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.python.SyntaxProblem;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.List;

/** LS504: a code cell that does not parse as Python after IPython translation. */
@RuleInfo(id = "LS504", name = "syntax-error", category = Category.PORTABILITY,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "A cell that does not parse after IPython translation")
public final class UnparseableCell implements Rule {
    @Override
    public void check(RuleContext context) {
        for (AnalyzedCell cell : context.notebook().pythonCells()) {
            List<SyntaxProblem> problems = cell.parsed().problems();
            if (problems.isEmpty()) {
                continue;
            }
            SyntaxProblem first = problems.get(0);
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more in this cell)" : "";
            context.report(cell, cell.position(first.line(), first.column()),
                    "does not parse as Python: " + first.message() + more + "; the other cells are still analysed");
        }
    }
}
