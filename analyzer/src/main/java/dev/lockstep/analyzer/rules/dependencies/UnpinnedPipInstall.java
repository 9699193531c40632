package dev.lockstep.analyzer.rules.dependencies;

import dev.lockstep.analyzer.facts.dependencies.InstallCommand;
import dev.lockstep.analyzer.facts.dependencies.InstallSite;
import dev.lockstep.analyzer.facts.dependencies.Installer;
import dev.lockstep.analyzer.facts.dependencies.Requirement;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * LS401: package installs that leave versions to the day the job runs. Every name must carry an
 * exact {@code ==} pin, every VCS URL a full commit; local installs ({@code -e .}) are fine.
 * Requirement files ({@code -r}) cannot be read from the notebook and are not judged; a
 * constraints file ({@code -c}) may pin everything, so such a command is left alone. {@code -U}
 * matters only through what it leaves unpinned: with exact pins it changes nothing.
 */
@RuleInfo(id = "LS401", name = "unpinned-pip-install", category = Category.DEPENDENCIES,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "!pip / %pip install without == pins, -U, VCS URLs without a commit")
public final class UnpinnedPipInstall implements Rule {

    /** How many package names a message lists before "and N more". */
    private static final int LISTED = 4;

    @Override
    public void check(RuleContext context) {
        for (InstallSite site : context.notebook().facts().installs()) {
            InstallCommand command = site.command();
            if (!command.constraintFiles().isEmpty()) {
                continue; // the constraints file may pin every package: cannot tell
            }
            List<Requirement> floating = new ArrayList<>();
            for (Requirement requirement : command.unpinned()) {
                // uv's --exclude-newer DATE resolves names as of that date: only URLs still float
                if (command.excludeNewer() == null || requirement.kind() != Requirement.Kind.NAME) {
                    floating.add(requirement);
                }
            }
            if (!floating.isEmpty()) {
                context.report(site.cell(), site.position(), message(command, floating));
            }
        }
    }

    private static String message(InstallCommand command, List<Requirement> floating) {
        List<String> unversioned = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean names = false;
        boolean urls = false;
        for (Requirement r : floating) {
            if (r.kind() == Requirement.Kind.NAME) {
                names = true;
                if (r.specifier().isEmpty()) {
                    unversioned.add(r.name());
                    continue;
                }
            } else {
                urls = true;
            }
            problems.add(r.problem());
        }
        StringBuilder m = new StringBuilder(command.installer().command());
        if (command.upgrade()) {
            m.append(" --upgrade");
        }
        m.append(" leaves versions open: ");
        List<String> parts = new ArrayList<>();
        if (!unversioned.isEmpty()) {
            parts.add(list(unversioned) + (unversioned.size() == 1 ? " has" : " have")
                    + " no version, so each run gets the newest release");
        }
        parts.addAll(problems.size() > LISTED ? problems.subList(0, LISTED) : problems);
        if (problems.size() > LISTED) {
            parts.add("and " + (problems.size() - LISTED) + " more");
        }
        m.append(String.join("; ", parts)).append("; ");
        List<String> advice = new ArrayList<>();
        if (names) {
            Requirement example = floating.stream().filter(r -> r.kind() == Requirement.Kind.NAME).findFirst().orElseThrow();
            advice.add(command.installer() == Installer.CONDA
                    ? "pin each to a full version (" + example.name() + "=X.Y.Z)"
                    : "pin each with == (" + example.name() + "==X.Y.Z)");
        }
        if (urls) {
            advice.add("pin each URL to a commit (@<40-character hash>) or a versioned file");
        }
        return m.append(String.join(" and ", advice)).toString();
    }

    private static String list(List<String> names) {
        List<String> shown = names.size() > LISTED ? names.subList(0, LISTED) : names;
        String text = String.join(", ", shown);
        if (names.size() > LISTED) {
            return text + " and " + (names.size() - LISTED) + " more";
        }
        if (shown.size() > 1) {
            int last = text.lastIndexOf(", ");
            return text.substring(0, last) + " and " + text.substring(last + 2);
        }
        return text;
    }
}
