package dev.lockstep.analyzer.facts.params;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the hyperparameter literals of a notebook: numeric literals bound to a known
 * hyperparameter name by a module-level (or class-body) assignment, a keyword argument, or a
 * dict entry. Function parameter defaults are architecture choices of the function, not
 * settings of the run, and are left alone, as are names not on the list (layer widths,
 * {@code test_size}, {@code n_splits}, {@code num_labels}, {@code logging_steps}). The list is
 * deliberately short: every entry changes what is trained.
 */
public final class Hyperparameters {

    /** Known hyperparameter names, lower case (module constants like {@code BATCH_SIZE} match too). */
    static final Set<String> NAMES = Set.of(
            // optimisation
            "lr", "learning_rate", "base_lr", "max_lr", "min_lr", "init_lr", "initial_lr", "peak_lr", "weight_decay",
            "momentum", "warmup_steps", "warmup_ratio", "warmup_epochs", "label_smoothing",
            // schedule length and batching
            "epochs", "num_epochs", "n_epochs", "num_train_epochs", "max_epochs", "nb_epoch", "nb_epochs", "max_steps",
            "num_train_steps", "train_steps", "batch_size", "train_batch_size", "per_device_train_batch_size",
            "micro_batch_size", "gradient_accumulation_steps",
            // regularisation
            "dropout", "dropout_rate", "dropout_prob", "drop_rate", "hidden_dropout_prob",
            "attention_probs_dropout_prob", "attention_dropout", "attn_dropout",
            // LoRA (the bare "r" only as a keyword of a LoRA call)
            "lora_r", "lora_rank", "lora_alpha", "lora_dropout",
            // trees and neighbours
            "n_estimators", "max_depth", "min_samples_split", "min_samples_leaf", "max_leaf_nodes", "num_leaves",
            "min_child_weight", "min_child_samples", "subsample", "colsample_bytree", "reg_alpha", "reg_lambda",
            "num_boost_round", "n_neighbors",
            // network size
            "hidden_size", "hidden_dim", "hidden_units", "num_layers", "n_layers", "num_hidden_layers", "num_heads",
            "n_heads", "num_attention_heads", "embedding_dim", "embed_dim", "d_model", "latent_dim",
            "intermediate_size", "dim_feedforward");

    /**
     * Names of the catalogue that describe the model's shape rather than how it is trained: a
     * preset of the architecture (GPT-2 small is 12 layers, 12 heads, 768 wide) that is part of
     * which model this is. Extract lifts them like any other; LS509 does not report them.
     */
    static final Set<String> ARCHITECTURE = Set.of("hidden_size", "hidden_dim", "hidden_units", "num_layers",
            "n_layers", "num_hidden_layers", "num_heads", "n_heads", "num_attention_heads", "embedding_dim", "embed_dim",
            "d_model", "latent_dim", "intermediate_size", "dim_feedforward");

    /** Batch sizes of calls that only preprocess or predict: the result does not depend on them. */
    private static final Set<String> BATCHING_ONLY_METHODS = Set.of("map", "filter", "predict", "predict_proba",
            "predict_on_batch", "evaluate", "encode");

    private Hyperparameters() {
    }

    /** Every hyperparameter literal of the notebook, in document order, with unique parameter names. */
    public static List<Hyperparameter> of(AnalyzedNotebook notebook) {
        List<Found> found = new ArrayList<>();
        for (CallSite call : notebook.calls()) {
            for (Map.Entry<String, SyntaxNode> keyword : call.keywords().entrySet()) {
                String parameter = keywordParameter(call, keyword.getKey());
                Number value = numericValue(keyword.getValue());
                if (parameter != null && value != null) {
                    String callee = call.qualifiedName() != null ? call.qualifiedName() : call.methodName();
                    found.add(new Found(keyword.getKey(), parameter, Hyperparameter.Site.KEYWORD_ARGUMENT, call.cell(),
                            keyword.getValue(), value, callee));
                }
            }
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                if (node.is("assignment") && isConfigLevel(node)) {
                    assignment(cell, node, found);
                } else if (node.is("pair")) {
                    String key = StringLiterals.value(node.child("key"));
                    Number value = numericValue(node.child("value"));
                    if (key != null && value != null && NAMES.contains(key.toLowerCase(Locale.ROOT))) {
                        found.add(new Found(key, key.toLowerCase(Locale.ROOT), Hyperparameter.Site.DICTIONARY_ENTRY, cell,
                                node.child("value"), value, null));
                    }
                }
            });
        }
        found.sort(Comparator.comparingInt((Found f) -> f.cell().index()).thenComparingInt(f -> f.literal().startOffset()));
        Map<String, Integer> uses = new HashMap<>();
        List<Hyperparameter> result = new ArrayList<>(found.size());
        for (Found f : found) {
            int n = uses.merge(f.parameter(), 1, Integer::sum);
            String unique = n == 1 ? f.parameter() : f.parameter() + "_" + n;
            result.add(new Hyperparameter(f.name(), unique, f.site(), f.cell(), f.literal(), f.value(), f.callee()));
        }
        return List.copyOf(result);
    }

    /** What a hyperparameter of this name (as written, any case) describes. */
    static Hyperparameter.Role roleOf(String name) {
        return ARCHITECTURE.contains(name.toLowerCase(Locale.ROOT)) ? Hyperparameter.Role.ARCHITECTURE
                : Hyperparameter.Role.TRAINING;
    }

    /**
     * Whether {@code literal}, bound to {@code key} by a dict entry or a keyword argument, is one of
     * several variants listed side by side: its dict or call is an element of a list, tuple or set
     * in which another element binds the same key ({@code [{"lr": 0.1}, {"lr": 0.01}]},
     * {@code [dict(epochs=5), dict(epochs=10)]}). A loop runs them all; none is the run's setting.
     */
    static boolean isVariant(SyntaxNode literal, String key) {
        SyntaxNode entry = literal.parent();
        if (entry == null || !(entry.is("pair") || entry.is("keyword_argument"))) {
            return false;
        }
        SyntaxNode holder = entry.parent();
        if (holder != null && holder.is("argument_list")) {
            holder = holder.parent();
        }
        SyntaxNode sequence = holder == null ? null : holder.parent();
        if (sequence == null || !(sequence.is("list") || sequence.is("tuple") || sequence.is("set"))) {
            return false;
        }
        int binding = 0;
        for (SyntaxNode element : sequence.namedChildren()) {
            if (bindsKey(element, key)) {
                binding++;
            }
        }
        return binding > 1;
    }

    /** Whether a dict display or a call binds {@code key} (a dict key or a keyword) directly. */
    private static boolean bindsKey(SyntaxNode element, String key) {
        List<SyntaxNode> entries = element.is("dictionary") ? element.namedChildren()
                : element.is("call") && element.child("arguments") != null ? element.child("arguments").namedChildren()
                : List.of();
        for (SyntaxNode entry : entries) {
            if (entry.is("pair") && key.equals(StringLiterals.value(entry.child("key")))) {
                return true;
            }
            if (entry.is("keyword_argument") && entry.child("name") != null && key.equals(entry.child("name").text())) {
                return true;
            }
        }
        return false;
    }

    /** The parameter a keyword argument sets, or null when the keyword is not a hyperparameter there. */
    private static String keywordParameter(CallSite call, String keyword) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        if (keyword.equals("r")) {
            return isLoraCall(call) ? "lora_r" : null;
        }
        if (!NAMES.contains(lower)) {
            return null;
        }
        if (lower.contains("batch_size") && call.methodName() != null && BATCHING_ONLY_METHODS.contains(call.methodName())) {
            return null;
        }
        return lower;
    }

    private static boolean isLoraCall(CallSite call) {
        String callee = call.qualifiedName() != null ? call.qualifiedName() : call.methodName();
        return callee != null && (callee.startsWith("peft.") || callee.toLowerCase(Locale.ROOT).contains("lora"));
    }

    /** {@code name = literal} and {@code a, b = literal, literal} with hyperparameter names. */
    private static void assignment(AnalyzedCell cell, SyntaxNode node, List<Found> found) {
        SyntaxNode left = node.child("left");
        SyntaxNode right = node.child("right");
        if (left == null || right == null) {
            return;
        }
        List<SyntaxNode> targets = left.is("identifier") ? List.of(left)
                : left.is("pattern_list") || left.is("tuple_pattern") ? left.namedChildren() : List.of();
        List<SyntaxNode> values = left.is("identifier") ? List.of(right)
                : right.is("expression_list") || right.is("tuple") ? right.namedChildren() : List.of();
        if (targets.size() != values.size()) {
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            SyntaxNode target = targets.get(i);
            Number value = numericValue(values.get(i));
            String lower = target.text().toLowerCase(Locale.ROOT);
            if (target.is("identifier") && value != null && NAMES.contains(lower)) {
                found.add(new Found(target.text(), lower, Hyperparameter.Site.ASSIGNMENT, cell, values.get(i), value, null));
            }
        }
    }

    /** Module level or a class body: not inside a function, where names are locals of one call. */
    private static boolean isConfigLevel(SyntaxNode node) {
        for (SyntaxNode parent = node.parent(); parent != null; parent = parent.parent()) {
            if (parent.is("function_definition") || parent.is("lambda")) {
                return false;
            }
        }
        return true;
    }

    /** The value of an int or float literal (signed, inverted, with underscores); null for anything else (bool, complex, huge). */
    static Number numericValue(SyntaxNode node) {
        if (node == null) {
            return null;
        }
        SyntaxNode n = node;
        while (n.is("unary_operator") && n.child("argument") != null) {
            n = n.child("argument");
        }
        if (!n.is("integer") && !n.is("float")) {
            return null; // a computation (3 * 2) is not a literal the config can stand in for
        }
        Object value = dev.lockstep.analyzer.facts.values.Values.literal(node).toJava();
        return value instanceof Long || value instanceof Double ? (Number) value : null;
    }

    /** A hyperparameter before parameter names are made unique. */
    private record Found(String name, String parameter, Hyperparameter.Site site, AnalyzedCell cell, SyntaxNode literal,
            Number value, String callee) {
    }
}
