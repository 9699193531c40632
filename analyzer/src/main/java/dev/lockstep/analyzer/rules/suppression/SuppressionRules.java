package dev.lockstep.analyzer.rules.suppression;

import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Rule;
import java.util.List;

/** LS0: findings about suppressions themselves, in id order. */
public final class SuppressionRules {
    private SuppressionRules() {
    }

    public static List<Rule> all() {
        return List.of(new UnusedSuppression(), new InvalidSuppression());
    }

    /** Whether an id belongs to this family: such findings are never silenced by a suppression. */
    public static boolean isSuppressionRule(String ruleId) {
        return ruleId.startsWith(Category.SUPPRESSIONS.prefix());
    }
}
