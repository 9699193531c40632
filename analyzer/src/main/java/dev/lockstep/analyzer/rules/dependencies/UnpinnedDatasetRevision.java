package dev.lockstep.analyzer.rules.dependencies;

import dev.lockstep.analyzer.analysis.CallSite;
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

/**
 * LS403: datasets fetched from a hub without naming a version. Hugging Face datasets
 * ({@code load_dataset}, and {@code hf_hub_download}/{@code snapshot_download} of dataset
 * repositories) need {@code revision=} a commit or a release tag; TensorFlow Datasets need a
 * version in the name ({@code mnist:3.0.1}); OpenML needs {@code version=} or {@code data_id=};
 * Kaggle Hub handles need {@code /versions/N}. The packaged loaders that read local files
 * ({@code load_dataset("csv", data_files=...)}) and local paths are not hub datasets.
 */
@RuleInfo(id = "LS403", name = "unpinned-dataset-revision", category = Category.DEPENDENCIES,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "load_dataset without revision=; other hub datasets without a version")
public final class UnpinnedDatasetRevision implements Rule {

    @Override
    public void check(RuleContext context) {
        HubLoads hub = context.notebook().facts().hub();
        for (HubLoad load : hub.all()) {
            if (load.repository() == HubLoad.Repository.DATASET) {
                String what = switch (load.kind()) {
                    case "snapshot" -> "snapshot_download of dataset '";
                    case "file" -> "hf_hub_download from dataset '";
                    default -> "dataset '";
                };
                checkRevision(context, load, what + load.id() + "'");
            }
        }
        HubReferences references = hub.references();
        for (CallSite call : context.notebook().calls()) {
            if (call.hasStarArgs()) {
                continue; // **kwargs may carry the version
            }
            if (call.is("tensorflow_datasets.load", "tensorflow_datasets.builder", "tensorflow_datasets.data_source")) {
                checkTfds(context, references, call);
            } else if (call.is("sklearn.datasets.fetch_openml")) {
                checkOpenMl(context, references, call);
            } else if (call.is("kagglehub.dataset_download")) {
                String handle = references.stringValue(call.cell(), call.argument(0, "handle"));
                if (handle != null && handle.split("/").length == 2) {
                    context.reportOnce(call.cell(), call.node(), "Kaggle dataset '" + handle + "' names no version: the "
                            + "download follows the latest one; use the handle '" + handle + "/versions/N'");
                }
            }
        }
    }

    private static void checkRevision(RuleContext context, HubLoad load, String subject) {
        CallSite call = load.call();
        String revision = load.revision();
        switch (load.pin()) {
            case MISSING -> context.reportOnce(call.cell(), call.node(), subject + " has no revision=: it gets whatever the "
                    + "Hub repository's main branch holds when the job runs; pass revision= a commit hash or a release tag");
            case BRANCH -> context.reportOnce(call.cell(), call.node(), subject + " is loaded at '" + revision
                    + "', a branch that moves: pass revision= a commit hash or a release tag");
            case SHORT_HASH -> context.reportOnce(call.cell(), call.node(), subject + " uses the short hash '" + revision
                    + "', which the Hub does not resolve: pass the full 40-character commit hash");
            default -> {
                // a commit, a release tag, or a revision computed at run time or passed through **kwargs
            }
        }
    }

    private static void checkTfds(RuleContext context, HubReferences references, CallSite call) {
        String name = references.stringValue(call.cell(), call.argument(0, "name"));
        if (name == null || name.isBlank()) {
            return;
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            context.reportOnce(call.cell(), call.node(), "TensorFlow Datasets '" + name + "' names no version: the installed "
                    + "tensorflow_datasets picks its default, which changes between releases; name one, e.g. '"
                    + name + ":X.Y.Z'");
        } else if (name.indexOf('*', colon) > 0) {
            context.reportOnce(call.cell(), call.node(), "TensorFlow Datasets '" + name + "' takes whichever version matches "
                    + "the wildcard: name the exact version, e.g. '" + name.substring(0, colon) + ":X.Y.Z'");
        }
    }

    private static void checkOpenMl(RuleContext context, HubReferences references, CallSite call) {
        SyntaxNode dataId = call.keyword("data_id");
        if (dataId != null && !HubReferences.isNone(dataId)) {
            return;
        }
        String name = references.stringValue(call.cell(), call.argument(0, "name"));
        if (name == null) {
            return;
        }
        SyntaxNode version = call.keyword("version");
        if (version != null && !"active".equals(StringLiterals.value(version))) {
            return; // a version number, or one computed at run time
        }
        context.reportOnce(call.cell(), call.node(), "fetch_openml('" + name + "') has no version=: OpenML serves whichever "
                + "version is active, which can change; pass version=N or data_id=");
    }
}
