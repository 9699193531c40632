package dev.lockstep.analyzer.rules.secrets;

import dev.lockstep.analyzer.rules.Rule;
import java.util.List;

/** The LS6 rules, in id order. */
public final class SecretRules {
    private SecretRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new SecretLiteral(),
                new SecretInOutput()
        );
    }
}
