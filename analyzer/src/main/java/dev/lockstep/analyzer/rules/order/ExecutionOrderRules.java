package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.rules.Rule;
import java.util.List;

/** The LS1 rules, in id order. */
public final class ExecutionOrderRules {
    private ExecutionOrderRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new OutOfOrderExecution(),
                new UnexecutedCell(),
                new ExecutionCountGap(),
                new UseBeforeDefinition(),
                new UndefinedName(),
                new StaleDependency(),
                new CrossCellMutation(),
                new DynamicNamespace(),
                new SeveralSessions()
        );
    }
}
