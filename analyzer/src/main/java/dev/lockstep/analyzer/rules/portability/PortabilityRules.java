package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.rules.Rule;
import java.util.List;

/** The LS5 rules, in id order. */
public final class PortabilityRules {
    private PortabilityRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new ShellCommand(),
                new InteractiveInput(),
                new SavedErrorOutput(),
                new UnparseableCell(),
                new UnsupportedMagic(),
                new NonPythonCell(),
                new ManualDataFilter(),
                new HardCodedDevice(),
                new HyperparameterLiteral(),
                new EnvironmentBranch()
        );
    }
}
