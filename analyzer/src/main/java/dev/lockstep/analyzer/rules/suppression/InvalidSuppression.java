package dev.lockstep.analyzer.rules.suppression;

import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * A suppression that names no rule, is malformed, or names a suppression rule. Its findings are
 * made by {@link dev.lockstep.analyzer.suppression.SuppressionFilter}; see {@link UnusedSuppression}.
 */
@RuleInfo(id = "LS002", name = "invalid-suppression", category = Category.SUPPRESSIONS,
        severity = Severity.INFO, remedy = Remedy.REPORTED,
        summary = "A suppression comment or cell tag that names no rule or is malformed, so it silences nothing")
public final class InvalidSuppression implements Rule {
    @Override
    public void check(RuleContext context) {
        // Reported by SuppressionFilter, which reads every suppression of the notebook.
    }
}
