package dev.lockstep.analyzer.rules.suppression;

import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * A suppression comment or cell tag that silenced nothing. Its findings are made by
 * {@link dev.lockstep.analyzer.suppression.SuppressionFilter}, which runs after every other rule
 * (it needs their findings); this class carries the metadata so the rule is listed, documented,
 * selectable and in SARIF like any other.
 */
@RuleInfo(id = "LS001", name = "unused-suppression", category = Category.SUPPRESSIONS,
        severity = Severity.INFO, remedy = Remedy.REPORTED,
        summary = "A suppression comment or cell tag that silenced no finding")
public final class UnusedSuppression implements Rule {
    @Override
    public void check(RuleContext context) {
        // Reported by SuppressionFilter once the other rules' findings are known.
    }
}
