package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a notebook does with CUDA, for the GPU determinism rules (LS307, LS308): whether it
 * puts work on a CUDA device at all, whether it turns on PyTorch's deterministic algorithms,
 * and whether it trains (runs backward passes).
 *
 * <p>Whether and where it uses CUDA is the facts layer's ({@link dev.lockstep.analyzer.facts.frameworks.GpuUse}):
 * device strings, {@code .cuda()}, {@code device_map=}, {@code fp16=True}... Settings such as
 * {@code cudnn.benchmark} alone are not a use: they do nothing where no tensor goes to the GPU.
 */
final class CudaUsage {


    /** Torch-wide deterministic mode switches. */
    private static final Set<String> DETERMINISTIC_MODE = Set.of("torch.use_deterministic_algorithms",
            "torch.set_deterministic");
    private static final Set<String> FULL_DETERMINISM = Set.of("transformers.enable_full_determinism",
            "transformers.trainer_utils.enable_full_determinism");
    private static final Set<String> HF_SET_SEED = Set.of("transformers.set_seed", "transformers.trainer_utils.set_seed");
    private static final Set<String> TRAINING_ARGUMENTS = Set.of("transformers.TrainingArguments",
            "transformers.Seq2SeqTrainingArguments", "transformers.training_args.TrainingArguments", "trl.SFTConfig",
            "trl.DPOConfig", "trl.GRPOConfig");
    private static final Set<String> LIGHTNING_TRAINERS = Set.of("pytorch_lightning.Trainer", "lightning.Trainer",
            "lightning.pytorch.Trainer", "lightning.fabric.Fabric", "lightning.Fabric");

    /** Where the notebook first names a CUDA device, and the cell. */
    record Use(AnalyzedCell cell, SyntaxNode node) {
    }

    private final AnalyzedNotebook notebook;
    private final Values values;
    private final Use firstUse;
    private final boolean deterministicMode;
    private final boolean cudnnDeterministic;
    private final boolean trains;

    private CudaUsage(AnalyzedNotebook notebook) {
        this.notebook = notebook;
        this.values = notebook.facts().values();
        this.firstUse = findFirstUse();
        boolean mode = false;
        boolean trainsAnywhere = false;
        for (CallSite call : notebook.calls()) {
            if (!runs(call)) {
                continue;
            }
            mode |= enablesDeterministicMode(call);
            trainsAnywhere |= isTrainingCall(call);
        }
        this.deterministicMode = mode;
        this.cudnnDeterministic = !assignments("torch.backends.cudnn.deterministic", true).isEmpty();
        this.trains = trainsAnywhere;
    }

    static CudaUsage of(AnalyzedNotebook notebook) {
        return new CudaUsage(notebook);
    }

    /** The first place, in document order, where the notebook names a CUDA device. */
    Optional<Use> firstUse() {
        return Optional.ofNullable(firstUse);
    }

    boolean usesCuda() {
        return firstUse != null;
    }

    /**
     * Whether PyTorch's deterministic algorithms are switched on anywhere in code that runs:
     * {@code torch.use_deterministic_algorithms(True)} (with or without {@code warn_only}),
     * {@code torch.set_deterministic_debug_mode("warn"|"error")}, transformers'
     * {@code enable_full_determinism} / {@code set_seed(..., deterministic=True)} /
     * {@code TrainingArguments(full_determinism=True)}, Lightning's {@code Trainer(deterministic=True)}.
     */
    boolean deterministicMode() {
        return deterministicMode;
    }

    /** Whether {@code torch.backends.cudnn.deterministic = True} is set anywhere. */
    boolean cudnnDeterministic() {
        return cudnnDeterministic;
    }

    /** Whether the notebook trains: a {@code .backward()} call, or a trainer's train/fit. */
    boolean trains() {
        return trains;
    }

    /** Whether a call runs: it is at module level, or in a function or class that is used. */
    boolean runs(CallSite call) {
        return call.owner() == null || !notebook.executionPointsOf(call.owner()).isEmpty();
    }

    private boolean enablesDeterministicMode(CallSite call) {
        String name = call.qualifiedName();
        if (name == null) {
            return false;
        }
        if (DETERMINISTIC_MODE.contains(name)) {
            SyntaxNode mode = call.argument(0, "mode");
            return mode == null ? call.hasStarArgs() : !values.of(call.cell(), mode).isFalse();
        }
        if (name.equals("torch.set_deterministic_debug_mode")) {
            SyntaxNode mode = call.argument(0, "debug_mode");
            Value value = mode == null ? Value.UNKNOWN : values.of(call.cell(), mode);
            String text = value.plainString();
            Double number = value.number();
            return mode != null && !"default".equals(text) && (number == null || number != 0);
        }
        if (FULL_DETERMINISM.contains(name)) {
            return true;
        }
        if (HF_SET_SEED.contains(name)) {
            SyntaxNode deterministic = call.argument(1, "deterministic");
            return deterministic != null && values.of(call.cell(), deterministic).isTrue();
        }
        if (TRAINING_ARGUMENTS.contains(name)) {
            SyntaxNode full = call.keyword("full_determinism");
            return full != null && values.of(call.cell(), full).isTrue();
        }
        if (LIGHTNING_TRAINERS.contains(name)) {
            SyntaxNode deterministic = call.keyword("deterministic");
            return deterministic != null && (values.of(call.cell(), deterministic).isTrue()
                    || "warn".equals(values.of(call.cell(), deterministic).plainString()));
        }
        return false;
    }

    private static boolean isTrainingCall(CallSite call) {
        if (call.receiver() == null || call.methodName() == null) {
            return false;
        }
        if (call.methodName().equals("backward")) {
            return true;
        }
        String origin = call.receiverOrigin();
        return (call.methodName().equals("train") || call.methodName().equals("fit")) && origin != null
                && (origin.startsWith("transformers.") || origin.startsWith("trl.") || origin.startsWith("lightning.")
                        || origin.startsWith("pytorch_lightning.") || origin.startsWith("setfit."));
    }

    /**
     * Module-level or function assignments {@code qualified.name = True} (or {@code = False}
     * when {@code value} is false), in document order.
     */
    List<Use> assignments(String qualifiedName, boolean value) {
        List<Use> found = new ArrayList<>();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                if (!node.is("assignment")) {
                    return;
                }
                SyntaxNode left = node.child("left");
                SyntaxNode right = node.child("right");
                if (left == null || right == null || !left.is("attribute")) {
                    return;
                }
                if (!qualifiedName.equals(notebook.qualify(cell, left))) {
                    return;
                }
                if (value ? values.of(cell, right).isTrue() : values.of(cell, right).isFalse()) {
                    found.add(new Use(cell, node));
                }
            });
        }
        return found;
    }

    /** The first GPU use the facts layer knows of (device strings and names, .cuda(), device_map=, fp16=True...). */
    private Use findFirstUse() {
        return notebook.facts().gpu().first().map(site -> new Use(site.cell(), site.node())).orElse(null);
    }
}
