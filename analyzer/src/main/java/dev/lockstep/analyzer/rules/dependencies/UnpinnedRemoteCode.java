package dev.lockstep.analyzer.rules.dependencies;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.dependencies.RevisionKind;
import dev.lockstep.analyzer.facts.hub.HubLoad;
import dev.lockstep.analyzer.facts.hub.HubLoads;
import dev.lockstep.analyzer.facts.hub.HubReferences;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LS404: code downloaded and run at load time without a pinned commit: Hugging Face loads with
 * {@code trust_remote_code=True} and no {@code revision=} (or {@code code_revision=}) full
 * commit hash, and {@code torch.hub.load}/{@code list}/{@code help} of a GitHub repository
 * without {@code owner/repo:<commit>}. A tag is not enough here: whoever controls the
 * repository can move it, and the code runs with the job's rights.
 */
@RuleInfo(id = "LS404", name = "unpinned-remote-code", category = Category.DEPENDENCIES,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "trust_remote_code=True or torch.hub.load without a pinned revision: remote code runs")
public final class UnpinnedRemoteCode implements Rule {

    private static final Pattern GITHUB_REPO = Pattern.compile("([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)(?::(\\S+))?");

    @Override
    public void check(RuleContext context) {
        HubLoads hub = context.notebook().facts().hub();
        for (HubLoad load : hub.all()) {
            if (!load.trustRemoteCode()) {
                continue;
            }
            CallSite call = load.call();
            String id = load.id();
            String written = load.codeRevision() != null ? load.codeRevision() : load.revision() != null ? load.revision() : "";
            switch (best(load.pin(), load.codePin())) {
                case MISSING -> context.reportOnce(call.cell(), call.node(), "trust_remote_code=True runs Python code from '"
                        + id + "' as its main branch holds it when the job runs: pass revision= a full 40-character "
                        + "commit hash whose code you have read");
                case BRANCH, TAG -> context.reportOnce(call.cell(), call.node(), "trust_remote_code=True runs Python code from '"
                        + id + "' at '" + written + "', a branch or tag that can move: pass revision= a full 40-character "
                        + "commit hash whose code you have read");
                case SHORT_HASH -> context.reportOnce(call.cell(), call.node(), "trust_remote_code=True runs Python code from '"
                        + id + "' at the short hash '" + written + "', which the Hub does not resolve: pass the full "
                        + "40-character commit hash");
                default -> {
                    // pinned to a commit, or a revision computed at run time or passed through **kwargs
                }
            }
        }
        for (CallSite call : context.notebook().calls()) {
            if (!call.hasStarArgs() && call.is("torch.hub.load", "torch.hub.list", "torch.hub.help")) {
                checkTorchHub(context, hub.references(), call);
            }
        }
    }

    /** Of {@code revision=} and {@code code_revision=}, the one that pins the code best. */
    private static RevisionKind best(RevisionKind a, RevisionKind b) {
        for (RevisionKind r : new RevisionKind[] {RevisionKind.FULL_COMMIT, RevisionKind.UNKNOWN, RevisionKind.SHORT_HASH,
                RevisionKind.TAG, RevisionKind.BRANCH}) {
            if (a == r || b == r) {
                return r;
            }
        }
        return RevisionKind.MISSING;
    }

    private static void checkTorchHub(RuleContext context, HubReferences references, CallSite call) {
        SyntaxNode source = call.keyword("source");
        if (source != null && !"github".equals(StringLiterals.value(source))) {
            return; // source="local" loads the job's own folder; anything computed is unknown
        }
        String repo = references.stringValue(call.cell(), call.argument(0, call.is("torch.hub.load") ? "repo_or_dir" : "github"));
        Matcher m = repo == null ? null : GITHUB_REPO.matcher(repo);
        if (m == null || !m.matches()) {
            return;
        }
        String function = call.qualifiedName().substring("torch.hub.".length());
        String ref = m.group(2);
        RevisionKind revision = ref == null ? RevisionKind.MISSING : RevisionKind.of(ref);
        switch (revision) {
            case MISSING -> context.reportOnce(call.cell(), call.node(), "torch.hub." + function + " runs hubconf.py from GitHub "
                    + "repository '" + m.group(1) + "' as its default branch holds it when the job runs: pin a commit, '"
                    + m.group(1) + ":<40-character commit>'");
            case BRANCH, TAG -> context.reportOnce(call.cell(), call.node(), "torch.hub." + function + " runs hubconf.py from '"
                    + m.group(1) + "' at '" + ref + "', a branch or tag that can move: pin a commit, '" + m.group(1)
                    + ":<40-character commit>'");
            default -> {
                // a commit hash: git resolves short ones too
            }
        }
    }
}
