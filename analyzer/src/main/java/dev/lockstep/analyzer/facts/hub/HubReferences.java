package dev.lockstep.analyzer.facts.hub;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.dependencies.GitCommands;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tells hub repository ids ({@code bert-base-uncased}, {@code org/name}) from local paths in one
 * notebook, and reads the literal values of arguments. A string is taken for a local path when
 * it looks like one ({@code ./ckpt}, {@code /data/m}, more than one {@code /}, a file name, a
 * {@code checkpoint-500} segment, a first folder like {@code outputs/}), or when the notebook
 * itself writes or clones there ({@code save_pretrained(...)}, {@code output_dir=},
 * {@code local_dir=}, {@code save_to_disk(...)}, {@code git clone URL DIR}).
 */
public final class HubReferences {

    private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");

    /** First path segments that name folders on disk, not Hub users or organisations. */
    private static final Set<String> LOCAL_FOLDERS = Set.of("models", "model", "output", "outputs", "out", "results",
            "result", "checkpoints", "ckpt", "ckpts", "saved_models", "saved_model", "save", "saves", "runs",
            "artifacts", "weights", "exports", "export", "trained_models", "trained", "finetuned", "fine_tuned",
            "fine-tuned", "tmp", "temp", "cache", "local", "data", "pretrained_models", "logs", "experiments",
            "merged", "drive", "content", "kaggle", "workspace", "mnt", "home", "users");

    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i).*\\.(bin|pt|pth|safetensors|json|ckpt|h5|hdf5|onnx|gguf|ggml|model|txt|yaml|yml|pkl|msgpack|py|csv|jsonl|parquet|arrow|tsv|zip|tar|gz)");

    /** Methods and keywords whose string argument is a directory the notebook writes. */
    private static final Set<String> SAVING_METHODS = Set.of("save_pretrained", "save_model", "save_to_disk",
            "save_state");
    private static final Set<String> SAVING_KEYWORDS = Set.of("output_dir", "local_dir", "save_directory",
            "dataset_path", "dataset_dict_path");

    private final AnalyzedNotebook notebook;
    private final Set<String> localTargets;

    private HubReferences(AnalyzedNotebook notebook, Set<String> localTargets) {
        this.notebook = notebook;
        this.localTargets = localTargets;
    }

    public static HubReferences of(AnalyzedNotebook notebook) {
        Set<String> targets = new TreeSet<>();
        for (CallSite call : notebook.calls()) {
            if (call.methodName() != null && SAVING_METHODS.contains(call.methodName())) {
                addTarget(targets, stringValue(notebook, call.cell(), call.argument(0, "save_directory")));
                addTarget(targets, stringValue(notebook, call.cell(), call.argument(0, "output_dir")));
                addTarget(targets, stringValue(notebook, call.cell(), call.argument(0, "dataset_path")));
            }
            for (String keyword : SAVING_KEYWORDS) {
                addTarget(targets, stringValue(notebook, call.cell(), call.keyword(keyword)));
            }
        }
        for (GitCommands.Clone clone : notebook.facts().git().clones()) {
            addTarget(targets, clone.directory());
        }
        return new HubReferences(notebook, Collections.unmodifiableSet(targets));
    }

    private static void addTarget(Set<String> targets, String path) {
        if (path != null && !path.isBlank()) {
            targets.add(normalize(path));
        }
    }

    private static String normalize(String path) {
        String p = path.strip().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /**
     * Whether a model or dataset argument names a Hub repository that a load would fetch (true),
     * rather than a local path or something that is not a repository id at all (false).
     */
    public boolean isHubRepository(String id) {
        if (id == null || id.isBlank() || !HUB_ID.matcher(id).matches() || id.endsWith(".git")) {
            return false;
        }
        String n = normalize(id);
        String first = n.contains("/") ? n.substring(0, n.indexOf('/')) : n;
        if (LOCAL_FOLDERS.contains(first.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (String segment : n.split("/")) {
            if (segment.toLowerCase(Locale.ROOT).matches("(checkpoint|ckpt).*")) {
                return false;
            }
        }
        if (FILE_NAME.matcher(n).matches()) {
            return false;
        }
        for (String target : localTargets) {
            if (n.equals(target) || n.startsWith(target + "/") || target.endsWith("/" + n)) {
                return false;
            }
        }
        return true;
    }

    /** The string an argument holds: a literal, or a module-level name bound to one; null when unknown. */
    public String stringValue(AnalyzedCell cell, SyntaxNode expression) {
        return stringValue(notebook, cell, expression);
    }

    /**
     * The string an argument holds, as the facts layer's value evaluator tells it: a literal, a
     * name bound to one, string building, or a field of a configuration object
     * ({@code args.model_name}); null when unknown or known only in part.
     */
    public static String stringValue(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression) {
        if (expression == null) {
            return null;
        }
        Value value = notebook.facts().values().of(cell, expression);
        return value instanceof Value.Str s && s.complete() ? s.text() : null;
    }

    /** Whether an argument is {@code True} (a literal, or a name bound to it). */
    public static boolean isTrue(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression) {
        return expression != null && notebook.facts().values().of(cell, expression) instanceof Value.Bool b && b.value();
    }

    /** Whether an argument is the literal {@code None}. */
    public static boolean isNone(SyntaxNode expression) {
        return expression != null && expression.is("none");
    }
}
