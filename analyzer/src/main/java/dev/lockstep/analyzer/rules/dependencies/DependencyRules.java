package dev.lockstep.analyzer.rules.dependencies;

import dev.lockstep.analyzer.rules.Rule;
import java.util.List;

/** The LS4 rules, in id order. */
public final class DependencyRules {
    private DependencyRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new UnpinnedPipInstall(),
                new UnpinnedModelRevision(),
                new UnpinnedDatasetRevision(),
                new UnpinnedRemoteCode(),
                new MissingKernelMetadata(),
                new LocalModuleDependency(),
                new UnpinnedGitClone(),
                new UnrecordedDependencies()
        );
    }
}
