package dev.lockstep.analyzer.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every built-in rule. Registration is explicit, one list per family, so "which rules exist"
 * is a few files to read; a test fails when a rule class is not registered here.
 */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(dev.lockstep.analyzer.rules.suppression.SuppressionRules.all());
        rules.addAll(dev.lockstep.analyzer.rules.order.ExecutionOrderRules.all());
        rules.addAll(dev.lockstep.analyzer.rules.paths.PathRules.all());
        rules.addAll(dev.lockstep.analyzer.rules.randomness.RandomnessRules.all());
        rules.addAll(dev.lockstep.analyzer.rules.dependencies.DependencyRules.all());
        rules.addAll(dev.lockstep.analyzer.rules.portability.PortabilityRules.all());
        rules.addAll(dev.lockstep.analyzer.rules.secrets.SecretRules.all());
        return Collections.unmodifiableList(rules);
    }
}
