package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.BindingKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which global random number generators are seeded where. The unseeded-draw rules (LS301-LS304,
 * LS306) ask one question of it: is this draw preceded, in a top-to-bottom run or in the
 * recorded session, by a seed of its generator?
 *
 * <p>A seed is a call of a known seeding function with a value ({@code torch.manual_seed(42)},
 * {@code transformers.set_seed(SEED)}), the construction of a Hugging Face {@code Trainer}
 * (it calls {@code set_seed(args.seed)}, 42 by default, before it does anything random), or a
 * call of a helper that analysis cannot see into but whose name says it seeds
 * ({@code from utils import set_seed}). Seeds inside a function of the notebook
 * ({@code def set_seed(s): random.seed(s); np.random.seed(s)}) count where that function is
 * called, directly or through other functions; a helper that is never called seeds nothing.
 */
public final class Seeding {

    /** A global RNG a seed call can reset. */
    public enum Generator { PYTHON, NUMPY, TORCH, TENSORFLOW }

    private static final Set<Generator> ALL = EnumSet.allOf(Generator.class);
    private static final Set<Generator> PYTHON_NUMPY_TORCH = EnumSet.of(Generator.PYTHON, Generator.NUMPY, Generator.TORCH);

    /** Seeding functions of libraries, by qualified name, and the generators each resets. */
    private static final Map<String, Set<Generator>> SEED_FUNCTIONS = Map.ofEntries(
            Map.entry("random.seed", EnumSet.of(Generator.PYTHON)),
            Map.entry("random.setstate", EnumSet.of(Generator.PYTHON)),
            Map.entry("numpy.random.seed", EnumSet.of(Generator.NUMPY)),
            Map.entry("numpy.random.set_state", EnumSet.of(Generator.NUMPY)),
            Map.entry("torch.manual_seed", EnumSet.of(Generator.TORCH)),
            Map.entry("torch.random.manual_seed", EnumSet.of(Generator.TORCH)),
            Map.entry("torch.set_rng_state", EnumSet.of(Generator.TORCH)),
            Map.entry("torch.random.set_rng_state", EnumSet.of(Generator.TORCH)),
            Map.entry("tensorflow.random.set_seed", EnumSet.of(Generator.TENSORFLOW)),
            Map.entry("tensorflow.set_random_seed", EnumSet.of(Generator.TENSORFLOW)),
            Map.entry("tensorflow.compat.v1.set_random_seed", EnumSet.of(Generator.TENSORFLOW)),
            Map.entry("tensorflow.compat.v1.random.set_random_seed", EnumSet.of(Generator.TENSORFLOW)),
            // Keras seeds Python, NumPy and its backend (TensorFlow, or torch under the torch backend).
            Map.entry("tensorflow.keras.utils.set_random_seed", ALL),
            Map.entry("keras.utils.set_random_seed", ALL),
            Map.entry("tf_keras.utils.set_random_seed", ALL),
            Map.entry("transformers.set_seed", ALL),
            Map.entry("transformers.trainer_utils.set_seed", ALL),
            Map.entry("transformers.enable_full_determinism", ALL),
            Map.entry("transformers.trainer_utils.enable_full_determinism", ALL),
            Map.entry("accelerate.utils.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("accelerate.utils.random.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("pytorch_lightning.seed_everything", PYTHON_NUMPY_TORCH),
            Map.entry("pytorch_lightning.utilities.seed.seed_everything", PYTHON_NUMPY_TORCH),
            Map.entry("lightning.seed_everything", PYTHON_NUMPY_TORCH),
            Map.entry("lightning.pytorch.seed_everything", PYTHON_NUMPY_TORCH),
            Map.entry("lightning.fabric.seed_everything", PYTHON_NUMPY_TORCH),
            Map.entry("lightning.fabric.utilities.seed.seed_everything", PYTHON_NUMPY_TORCH),
            Map.entry("lightning_fabric.utilities.seed.seed_everything", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.torch_core.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.basics.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.vision.all.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.text.all.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.tabular.all.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("ignite.utils.manual_seed", PYTHON_NUMPY_TORCH),
            Map.entry("monai.utils.set_determinism", PYTHON_NUMPY_TORCH));

    /**
     * Trainers that seed random, numpy, torch (and TensorFlow when installed) with
     * {@code args.seed} in their constructor, whatever the arguments: TrainingArguments.seed
     * defaults to 42. TRL's trainers subclass transformers.Trainer.
     */
    private static final Set<String> SEEDING_TRAINERS = Set.of("transformers.Trainer", "transformers.Seq2SeqTrainer",
            "transformers.trainer.Trainer", "transformers.trainer_seq2seq.Seq2SeqTrainer", "trl.SFTTrainer",
            "trl.DPOTrainer", "trl.ORPOTrainer", "trl.KTOTrainer", "trl.CPOTrainer", "trl.RewardTrainer",
            "trl.GRPOTrainer", "setfit.Trainer", "setfit.SetFitTrainer");

    /**
     * Names of seeding helpers that come from somewhere analysis cannot see (a star import, a
     * local module): a call to one with a seed is taken as seeding everything rather than risk a
     * false alarm.
     */
    private static final Set<String> UNRESOLVED_SEED_HELPERS = Set.of(
            "set_seed", "seed_everything", "seed_all", "set_random_seed", "fix_seed", "set_seeds", "seed_torch",
            "set_all_seeds", "fix_seeds", "set_global_seed", "setup_seed", "init_seeds", "set_determinism",
            "fix_random_seed", "seed_all_rng");

    /**
     * Top-level packages whose seeding functions are all in {@link #SEED_FUNCTIONS}: a call into
     * them with a helper-like name that is not listed there does not seed.
     */
    private static final Set<String> KNOWN_PACKAGES = Set.of("random", "numpy", "torch", "tensorflow", "keras",
            "tf_keras", "transformers", "accelerate", "lightning", "pytorch_lightning", "lightning_fabric", "fastai",
            "sklearn", "pandas", "jax", "datasets", "builtins");

    private final AnalyzedNotebook notebook;
    private final Map<Generator, List<Seed>> seeds = new EnumMap<>(Generator.class);

    private Seeding(AnalyzedNotebook notebook) {
        this.notebook = notebook;
        for (Generator generator : Generator.values()) {
            seeds.put(generator, new ArrayList<>());
        }
        for (CallSite call : notebook.calls()) {
            Set<Generator> reset = generatorsSeededBy(call);
            if (reset.isEmpty()) {
                continue;
            }
            Seed seed = new Seed(call, seedPoints(call));
            for (Generator generator : reset) {
                seeds.get(generator).add(seed);
            }
        }
    }

    public static Seeding of(AnalyzedNotebook notebook) {
        return new Seeding(notebook);
    }

    /**
     * Where a seed call runs: where it stands, or for a call in a function or class body, every
     * place that function or class is used. A helper that is never called seeds nothing.
     */
    private List<ProgramPoint> seedPoints(CallSite call) {
        if (call.owner() == null) {
            return List.of(notebook.point(call.cell(), call.node()));
        }
        return notebook.executionPointsOf(call.owner());
    }

    /** The generators a call seeds with an explicit value (a call without one seeds from entropy). */
    public Set<Generator> generatorsSeededBy(CallSite call) {
        String name = call.qualifiedName();
        if (name != null && SEED_FUNCTIONS.containsKey(name)) {
            return hasSeedValue(call) ? SEED_FUNCTIONS.get(name) : Set.of();
        }
        if (isSeedingTrainer(call)) {
            return ALL;
        }
        if (isUnresolvedSeedHelper(call)) {
            return hasSeedValue(call) ? ALL : Set.of();
        }
        return Set.of();
    }

    /** A helper named like a seeding function, defined where analysis cannot look. */
    private boolean isUnresolvedSeedHelper(CallSite call) {
        if (call.methodName() == null || !UNRESOLVED_SEED_HELPERS.contains(call.methodName())) {
            return false;
        }
        String name = call.qualifiedName();
        if (name == null) {
            // A bare name from a star import or %run; a method of an unknown object is not a seed.
            return call.receiver() == null && notebook.definitionsOf(call.methodName()).isEmpty();
        }
        int dot = name.indexOf('.');
        String top = dot < 0 ? name : name.substring(0, dot);
        return !KNOWN_PACKAGES.contains(top);
    }

    /** A Hugging Face trainer (or a notebook subclass of one): its constructor seeds everything. */
    private boolean isSeedingTrainer(CallSite call) {
        if (call.qualifiedName() != null) {
            return SEEDING_TRAINERS.contains(call.qualifiedName());
        }
        return call.receiver() == null && call.callee() != null && call.callee().is("identifier")
                && subclassesSeedingTrainer(call.callee().text(), new HashSet<>());
    }

    private boolean subclassesSeedingTrainer(String className, Set<String> visited) {
        if (!visited.add(className)) {
            return false;
        }
        for (Definition definition : notebook.definitionsOf(className)) {
            if (definition.kind() != BindingKind.CLASS || definition.node() == null) {
                continue;
            }
            SyntaxNode classNode = definition.node().parent();
            SyntaxNode superclasses = classNode == null ? null : classNode.child("superclasses");
            if (superclasses == null) {
                continue;
            }
            for (SyntaxNode base : superclasses.namedChildren()) {
                if (base.is("keyword_argument")) {
                    continue;
                }
                String qualified = notebook.qualify(definition.cell(), base);
                if (qualified != null && SEEDING_TRAINERS.contains(qualified)) {
                    return true;
                }
                if (qualified == null && base.is("identifier") && subclassesSeedingTrainer(base.text(), visited)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the call passes a seed that is not None (first argument or a seed-like keyword). */
    static boolean hasSeedValue(CallSite call) {
        SyntaxNode value = call.argument(0, "seed");
        if (value == null) {
            value = call.keyword("a");
        }
        if (value == null) {
            value = call.keyword("new_state");
        }
        if (value == null && call.hasStarArgs()) {
            return true;
        }
        return value != null && !Values.literal(value).isNone();
    }

    /**
     * Whether the global generator is seeded before {@code draw} runs: at every point where the
     * draw runs, some seed of that generator runs earlier.
     */
    public boolean isSeededBefore(CallSite draw, Generator generator) {
        return isSeededBefore(draw.cell(), draw.node(), draw.owner(), generator);
    }

    /** Whether any of the generators is seeded before {@code draw} runs. */
    public boolean isSeededBefore(CallSite draw, Set<Generator> generators) {
        for (Generator generator : generators) {
            if (isSeededBefore(draw, generator)) {
                return true;
            }
        }
        return false;
    }

    /** The same question for any node of the code (a forward call, an attribute assignment). */
    public boolean isSeededBefore(AnalyzedCell cell, SyntaxNode node, String owner, Generator generator) {
        List<ProgramPoint> drawPoints = notebook.executionPoints(cell, node);
        for (ProgramPoint drawPoint : drawPoints) {
            if (!seededBefore(cell, node, owner, drawPoint, generator)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the notebook seeds the generator anywhere at all (in code that runs). */
    public boolean seedsAnywhere(Generator generator) {
        for (Seed seed : seeds.get(generator)) {
            if (!seed.points.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private boolean seededBefore(AnalyzedCell cell, SyntaxNode node, String owner, ProgramPoint drawPoint,
            Generator generator) {
        for (Seed seed : seeds.get(generator)) {
            // A seed earlier in the same function body runs before the draw wherever it is called.
            if (seed.call.owner() != null && seed.call.owner().equals(owner)
                    && seed.call.cell().index() == cell.index()
                    && seed.call.node().startOffset() < node.startOffset()) {
                return true;
            }
            for (ProgramPoint seedPoint : seed.points) {
                if (notebook.precedes(seedPoint, drawPoint)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Seed(CallSite call, List<ProgramPoint> points) {
    }
}
