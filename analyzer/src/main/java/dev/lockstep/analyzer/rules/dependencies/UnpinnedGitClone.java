package dev.lockstep.analyzer.rules.dependencies;

import dev.lockstep.analyzer.facts.dependencies.GitCommands;
import dev.lockstep.analyzer.facts.dependencies.RevisionKind;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * LS407: a {@code git clone} whose working tree is left at a branch. Pinned means a commit
 * (full or abbreviated: git resolves both), or a release tag ({@code --branch v1.2.0},
 * {@code git checkout v1.2.0}): tags can be moved but rarely are, and pinning to them is the
 * common practice this warning accepts. A ref computed at run time is taken as pinned.
 */
@RuleInfo(id = "LS407", name = "unpinned-git-clone", category = Category.DEPENDENCIES,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "!git clone without checking out a commit")
public final class UnpinnedGitClone implements Rule {

    @Override
    public void check(RuleContext context) {
        for (GitCommands.Clone clone : context.notebook().facts().git().clones()) {
            if (clone.isPinned()) {
                continue;
            }
            String directory = clone.directory().contains(" ") ? "'" + clone.directory() + "'" : clone.directory();
            String state = clone.pin() == RevisionKind.BRANCH
                    ? "follows branch '" + clone.pinRef() + "', which moves"
                    : "gets whatever the default branch holds when the job runs";
            context.report(clone.line().cell(), clone.line().position(), "git clone of " + shorten(clone.url()) + " "
                    + state + ": check out a commit after it (git -C " + directory + " checkout <commit>)");
        }
    }

    private static String shorten(String url) {
        return url.length() > 80 ? url.substring(0, 77) + "..." : url;
    }
}
