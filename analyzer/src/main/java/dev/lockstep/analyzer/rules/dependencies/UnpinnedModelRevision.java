package dev.lockstep.analyzer.rules.dependencies;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.hub.HubLoad;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * LS402: models, tokenizers, processors and files loaded from the Hugging Face Hub without
 * {@code revision=} a full commit hash. Branches and tags move; the Hub does not resolve short
 * hashes. Local paths are not Hub ids and are left alone, and so is every load whose repository
 * or revision is computed at run time or may be passed through {@code **kwargs}. The tokenizer,
 * config and model of one repository are one finding (the cells that load it again are named).
 * Which calls are Hub loads, and what they name, is the facts layer's {@code facts().hub()}.
 */
@RuleInfo(id = "LS402", name = "unpinned-model-revision", category = Category.DEPENDENCIES,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "from_pretrained, pipeline(model=), AutoTokenizer, SentenceTransformer, hf_hub_download, "
                + "snapshot_download without revision= a commit hash (branch and tag names float); one finding per Hub id, naming the cells that load it again")
public final class UnpinnedModelRevision implements Rule {

    @Override
    public void check(RuleContext context) {
        for (HubLoad load : context.notebook().facts().hub().all()) {
            if (load.repository() == HubLoad.Repository.DATASET) {
                continue; // dataset repositories are LS403's
            }
            CallSite call = load.call();
            String id = load.id();
            String revision = load.revision() == null ? "" : load.revision();
            String subject = subject(load, id);
            // One cause per repository and revision: the tokenizer, config and model of one id are one decision to pin.
            String cause = id + "@" + revision;
            switch (load.pin()) {
                case MISSING -> context.reportOnce(call.cell(), call.node(), cause, subject + " has no revision=: it gets whatever "
                        + "the Hub repository's main branch holds when the job runs; pass revision= a full 40-character commit hash");
                case BRANCH, TAG -> context.reportOnce(call.cell(), call.node(), cause, subject + " is loaded at '" + revision
                        + "', a branch or tag that can move: pass revision= a full 40-character commit hash");
                case SHORT_HASH -> context.reportOnce(call.cell(), call.node(), cause, subject + " uses the short hash '" + revision
                        + "', which the Hub does not resolve: pass the full 40-character commit hash");
                default -> {
                    // a full commit, or a revision computed at run time or passed through **kwargs
                }
            }
        }
    }

    private static String subject(HubLoad load, String id) {
        return switch (load.kind()) {
            case "file" -> "hf_hub_download from '" + id + "'";
            case "snapshot" -> "snapshot_download of '" + id + "'";
            default -> load.kind() + " '" + id + "'";
        };
    }
}
