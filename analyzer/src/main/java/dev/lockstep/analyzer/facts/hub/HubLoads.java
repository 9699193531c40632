package dev.lockstep.analyzer.facts.hub;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.dependencies.RevisionKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every load from a Hugging Face Hub repository in one notebook, in document order, with the
 * repository id read through the value evaluator (a literal, a variable, a config field): the
 * forms {@link HubCalls} knows and the I/O catalogue's {@code hub_load} calls, {@code load_dataset}
 * of a Hub dataset, {@code vllm.LLM}, and a {@code from_pretrained} on an unresolved class that
 * passes {@code trust_remote_code=True} (only Hugging Face loaders take that argument). Loads
 * whose repository is unknown, or is a local path, a folder the notebook writes, or a packaged
 * dataset builder, are not Hub loads and are left out.
 */
public final class HubLoads {

    /** Builders packaged with datasets that read the files named by data_files/data_dir: not Hub datasets. */
    public static final Set<String> LOCAL_BUILDERS = Set.of("csv", "json", "parquet", "text", "arrow", "pandas",
            "imagefolder", "audiofolder", "videofolder", "pdffolder", "niftifolder", "webdataset", "xml", "sql",
            "generator", "spark", "cache", "hdf5", "lance", "eval");

    private final List<HubLoad> all;
    private final HubReferences references;

    private HubLoads(List<HubLoad> all, HubReferences references) {
        this.all = List.copyOf(all);
        this.references = references;
    }

    public static HubLoads of(AnalyzedNotebook notebook) {
        HubReferences references = HubReferences.of(notebook);
        List<HubLoad> loads = new ArrayList<>();
        for (CallSite call : notebook.calls()) {
            HubLoad load = load(notebook, references, call);
            if (load != null) {
                loads.add(load);
            }
        }
        return new HubLoads(loads, references);
    }

    /** Every Hub load, in document order. */
    public List<HubLoad> all() {
        return all;
    }

    /** Tells Hub ids from local paths in this notebook, and reads argument values. */
    public HubReferences references() {
        return references;
    }

    private static HubLoad load(AnalyzedNotebook notebook, HubReferences references, CallSite call) {
        String kind;
        SyntaxNode idNode;
        boolean dataset;
        HubCalls.Form form = HubCalls.of(call, notebook.facts().io());
        boolean trust = HubReferences.isTrue(notebook, call.cell(), call.keyword("trust_remote_code"));
        if (form != null) {
            kind = form.noun();
            idNode = form.id();
            dataset = form.datasetRepo();
        } else if (call.is("datasets.load_dataset", "datasets.load_dataset_builder")) {
            kind = "dataset";
            idNode = call.argument(0, "path");
            dataset = true;
        } else if (call.is("vllm.LLM")) {
            kind = "model";
            idNode = call.argument(0, "model");
            dataset = false;
        } else if (trust && call.qualifiedName() == null && "from_pretrained".equals(call.methodName())) {
            kind = "model"; // an aliased or wrapped loader class
            idNode = call.argument(0, "pretrained_model_name_or_path");
            dataset = false;
        } else {
            return null;
        }
        String id = references.stringValue(call.cell(), idNode);
        if (id == null || (kind.equals("dataset") && LOCAL_BUILDERS.contains(id)) || !references.isHubRepository(id)) {
            return null;
        }
        SyntaxNode revisionNode = call.keyword("revision");
        SyntaxNode codeRevisionNode = call.keyword("code_revision");
        return new HubLoad(call, kind, id, dataset ? HubLoad.Repository.DATASET : HubLoad.Repository.MODEL,
                written(references, call, revisionNode), pin(references, call, revisionNode),
                written(references, call, codeRevisionNode), pin(references, call, codeRevisionNode), trust);
    }

    private static String written(HubReferences references, CallSite call, SyntaxNode node) {
        return node == null || HubReferences.isNone(node) ? null : references.stringValue(call.cell(), node);
    }

    private static RevisionKind pin(HubReferences references, CallSite call, SyntaxNode node) {
        RevisionKind kind = node == null || HubReferences.isNone(node) ? RevisionKind.MISSING
                : RevisionKind.of(references.stringValue(call.cell(), node));
        // **kwargs may carry the revision: short of a written commit, what the load fetches is unknown.
        return call.hasStarArgs() && kind != RevisionKind.FULL_COMMIT ? RevisionKind.UNKNOWN : kind;
    }
}
