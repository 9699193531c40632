package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.code.PythonLiterals;
import dev.lockstep.extractor.code.PythonText;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.code.TextEdits;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.Param;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pass 5: literals bound to hyperparameters become {@code params} in lockstep.yaml and the
 * script reads them from the config. Lifted: module-level {@code name = literal} for the
 * hyperparameter names of LS509 and every name given with {@code --param}, and literal keyword
 * arguments with those names ({@code TrainingArguments(learning_rate=2e-5)}).
 */
public final class ParamPass implements Pass {

    /** Names that hold hyperparameters (the catalogue's LS509 list). */
    static final Set<String> HYPERPARAMETERS = Set.of("lr", "learning_rate", "epochs", "num_epochs", "n_epochs",
            "num_train_epochs", "max_epochs", "batch_size", "per_device_train_batch_size", "per_device_eval_batch_size",
            "train_batch_size", "eval_batch_size", "weight_decay", "momentum", "warmup_steps", "warmup_ratio", "dropout",
            "lora_r", "lora_alpha", "lora_dropout", "n_estimators", "max_depth", "hidden_size", "hidden_dim",
            "num_layers", "n_layers", "gradient_accumulation_steps", "max_steps", "label_smoothing", "max_length",
            "max_seq_length", "learning_rate_init", "alpha", "gamma", "step_size", "min_samples_leaf", "num_leaves");

    /** Keyword arguments that hold hyperparameters only inside specific calls. */
    private static final Map<String, Set<String>> CONTEXTUAL = Map.of("r", Set.of("peft.LoraConfig"));

    @Override
    public String name() {
        return "params";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        List<PlannedCell> kept = plan.keptCells();
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source().notebook(), kept);
        Set<String> requested = new LinkedHashSet<>(plan.options().paramNames());
        Set<String> taken = new HashSet<>();
        Map<Integer, List<Fix.Edit>> edits = new HashMap<>();
        ExtractionPlan.Builder next = plan.toBuilder();
        Set<String> liftedRequested = new HashSet<>();

        for (AnalyzedCell cell : synthetic.analyzed().pythonCells()) {
            for (SyntaxNode statement : cell.root().namedChildren()) {
                SyntaxNode assignment = statement.is("expression_statement") && statement.namedChildren().size() == 1
                        ? statement.namedChildren().get(0) : null;
                if (assignment == null || !assignment.is("assignment")) {
                    continue;
                }
                SyntaxNode left = assignment.child("left");
                SyntaxNode right = assignment.child("right");
                if (left == null || !left.is("identifier")) {
                    continue;
                }
                String name = left.text();
                boolean asked = requested.contains(name);
                if (!asked && !HYPERPARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                Object value = PythonLiterals.value(right);
                List<Definition> bindings = synthetic.analyzed().definitionsOf(name);
                if (value == null || bindings.size() != 1) {
                    if (asked) {
                        next.change(new Change(name(), synthetic.planned(cell).number(), cell.position(left).line(),
                                "--param " + name + " not lifted: " + (value == null ? "not bound to a literal"
                                        : "bound more than once")));
                        liftedRequested.add(name);
                    }
                    continue;
                }
                String param = unique(name, taken);
                lift(next, edits, synthetic, cell, right, param, value);
                liftedRequested.add(name);
            }
        }
        for (CallSite call : synthetic.analyzed().calls()) {
            for (Map.Entry<String, SyntaxNode> keyword : call.keywords().entrySet()) {
                String key = keyword.getKey();
                boolean hyper = HYPERPARAMETERS.contains(key)
                        || (CONTEXTUAL.containsKey(key) && call.qualifiedName() != null
                        && CONTEXTUAL.get(key).contains(call.qualifiedName()));
                if (!hyper && !requested.contains(key)) {
                    continue;
                }
                Object value = PythonLiterals.value(keyword.getValue());
                if (value == null || value instanceof String) {
                    continue;
                }
                String param = unique(key.equals("r") ? "lora_r" : key, taken);
                lift(next, edits, synthetic, call.cell(), keyword.getValue(), param, value);
                liftedRequested.add(key);
            }
        }
        for (String name : requested) {
            if (!liftedRequested.contains(name)) {
                throw new ExtractException("--param " + name + ": no module-level assignment or keyword argument named '"
                        + name + "' with a literal value in the kept cells");
            }
        }
        List<PlannedCell> cells = new ArrayList<>();
        for (PlannedCell cell : plan.cells()) {
            int k = kept.indexOf(cell);
            List<Fix.Edit> cellEdits = k < 0 ? null : edits.get(k);
            cells.add(cellEdits == null ? cell : cell.withCode(TextEdits.apply(cell.code(), cellEdits)));
        }
        return next.cells(cells).build();
    }

    private void lift(ExtractionPlan.Builder next, Map<Integer, List<Fix.Edit>> edits, SyntheticNotebook synthetic,
            AnalyzedCell cell, SyntaxNode literal, String param, Object value) {
        PlannedCell planned = synthetic.planned(cell);
        int line = cell.position(literal).line();
        next.param(new Param(param, value, planned.number(), line, literal.text()));
        String access = "CONFIG.params[" + PythonText.string(param) + "]";
        edits.computeIfAbsent(cell.index(), k -> new ArrayList<>())
                .add(new Fix.Edit(literal.startOffset(), literal.endOffset(), access));
        next.change(new Change(name(), planned.number(), line, "literal " + literal.text() + " became param '" + param + "'"));
    }

    private static String unique(String base, Set<String> taken) {
        String name = base;
        int n = 2;
        while (!taken.add(name)) {
            name = base + "_" + n++;
        }
        return name;
    }
}
