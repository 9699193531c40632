package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.rules.Rule;
import java.util.List;

/** The LS2 rules, in id order. */
public final class PathRules {
    private PathRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new AbsolutePath(),
                new HomeRelativePath(),
                new WorkingDirectoryChange(),
                new UnhashedRemoteInput(),
                new EnvironmentDependent(),
                new UnorderedFileListing(),
                new HostedNotebookOnly()
        );
    }
}
