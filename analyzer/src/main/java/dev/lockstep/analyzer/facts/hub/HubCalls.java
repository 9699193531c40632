package dev.lockstep.analyzer.facts.hub;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.dependencies.PythonPackages;
import dev.lockstep.analyzer.facts.io.Access;
import dev.lockstep.analyzer.facts.io.IoAccess;
import dev.lockstep.analyzer.facts.io.IoApi;
import dev.lockstep.analyzer.facts.io.IoFacts;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.Set;

/**
 * Calls that fetch a model (or its tokenizer, processor, config, or files) from the Hugging Face
 * Hub, matched on qualified names: {@code from_pretrained} of transformers, diffusers, peft,
 * sentence-transformers, tokenizers, optimum, setfit and trl classes;
 * {@code transformers.pipeline(model=...)}; {@code SentenceTransformer(...)} and
 * {@code CrossEncoder(...)}; {@code huggingface_hub.hf_hub_download} and
 * {@code snapshot_download} (also as {@code HfApi} methods).
 */
final class HubCalls {

    /** Libraries whose {@code from_pretrained} loads from the Hub. */
    private static final Set<String> FROM_PRETRAINED_LIBRARIES = Set.of("transformers", "diffusers", "peft",
            "sentence_transformers", "tokenizers", "optimum", "setfit", "trl");

    /**
     * One call that loads from the Hub, as written.
     *
     * @param call        the call
     * @param noun        what it loads, for messages: "model", "tokenizer", "processor", "config",
     *                    "pipeline", "adapter", "scheduler", "file", "snapshot"
     * @param id          the repository argument, or null when not passed
     * @param datasetRepo whether it downloads from a dataset repository ({@code repo_type="dataset"})
     */
    record Form(CallSite call, String noun, SyntaxNode id, boolean datasetRepo) {
        SyntaxNode revision() {
            return call.keyword("revision");
        }
    }

    private HubCalls() {
    }

    /**
     * The Hub load a call makes, or null: the forms above, then any other model load the I/O
     * catalogue lists as a qualified call with {@code hub_load} access (Unsloth's
     * {@code FastLanguageModel.from_pretrained(model_name=...)}, {@code evaluate.load}...), so a
     * new loader is a catalogue entry, not code. Dataset loaders are LS403's and are skipped.
     */
    static Form of(CallSite call, IoFacts io) {
        Form known = of(call);
        if (known != null) {
            return known;
        }
        for (IoAccess access : io.at(call)) {
            IoApi api = access.api();
            if (access.access() == Access.HUB_LOAD && api.call() != null && !api.call().startsWith("datasets.")
                    && access.argument() != null) {
                return new Form(call, api.call().startsWith("evaluate.") ? "metric" : "model", access.argument(), false);
            }
        }
        return null;
    }

    /** The Hub load a call makes by the built-in forms above, or null when it is not one. */
    static Form of(CallSite call) {
        String q = call.qualifiedName();
        String method = call.methodName();
        if (q != null && q.endsWith(".from_pretrained")
                && FROM_PRETRAINED_LIBRARIES.contains(PythonPackages.topLevel(q))) {
            String[] parts = q.split("\\.");
            String type = parts.length >= 2 ? parts[parts.length - 2] : "";
            if (type.startsWith("PeftModel")) {
                return new Form(call, "adapter", call.argument(1, "model_id"), false);
            }
            SyntaxNode id = call.argument(0, "pretrained_model_name_or_path");
            if (id == null) {
                id = call.argument(0, "identifier"); // tokenizers.Tokenizer
            }
            return new Form(call, noun(PythonPackages.topLevel(q), type), id, false);
        }
        if ("transformers.pipeline".equals(q)) {
            SyntaxNode model = call.keyword("model");
            if (model == null && call.hasKeyword("task")) {
                model = call.argument(0, "model");
            } else if (model == null) {
                model = call.argument(1, "model");
            }
            return new Form(call, "pipeline model", model, false);
        }
        if (call.is("sentence_transformers.SentenceTransformer", "sentence_transformers.CrossEncoder",
                "sentence_transformers.SparseEncoder", "sentence_transformers.cross_encoder.CrossEncoder")) {
            SyntaxNode id = call.argument(0, "model_name_or_path");
            return new Form(call, "model", id != null ? id : call.keyword("model_name"), false);
        }
        boolean hubFunction = q != null && q.startsWith("huggingface_hub.")
                && (q.endsWith(".hf_hub_download") || q.endsWith(".snapshot_download"));
        boolean hubMethod = q == null && call.receiverOrigin() != null && call.receiverOrigin().startsWith("huggingface_hub.")
                && ("hf_hub_download".equals(method) || "snapshot_download".equals(method));
        if (hubFunction || hubMethod) {
            boolean snapshot = hubFunction ? q.endsWith(".snapshot_download") : "snapshot_download".equals(method);
            SyntaxNode repoType = call.keyword("repo_type");
            boolean dataset = repoType != null && "dataset".equals(StringLiterals.value(repoType));
            return new Form(call, snapshot ? "snapshot" : "file", call.argument(0, "repo_id"), dataset);
        }
        return null;
    }

    /** The noun for what a {@code Type.from_pretrained} call loads. */
    private static String noun(String library, String type) {
        if (type.contains("Tokenizer")) {
            return "tokenizer";
        }
        if (type.contains("Processor") || type.contains("FeatureExtractor")) {
            return "processor";
        }
        if (type.endsWith("Config")) {
            return "config";
        }
        if (type.endsWith("Scheduler")) {
            return "scheduler";
        }
        if (type.startsWith("AutoPeftModel")) {
            return "adapter";
        }
        if (library.equals("diffusers") && type.endsWith("Pipeline")) {
            return "pipeline";
        }
        return "model";
    }
}
