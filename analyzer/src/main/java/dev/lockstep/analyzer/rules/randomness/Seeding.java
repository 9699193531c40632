package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which global random number generators are seeded where. The unseeded-draw rules (LS301-LS304)
 * ask one question of it: is this draw preceded, in a top-to-bottom run or in the recorded
 * session, by a seed of its framework? Seeds inside a helper function count where the helper is
 * called ({@code set_seed(42)}), like every other function body.
 */
public final class Seeding {

    /** A global RNG a seed call can reset. */
    public enum Generator { PYTHON, NUMPY, TORCH, TENSORFLOW }

    private static final Set<Generator> ALL = EnumSet.allOf(Generator.class);
    private static final Set<Generator> PYTHON_NUMPY_TORCH = EnumSet.of(Generator.PYTHON, Generator.NUMPY, Generator.TORCH);

    /** Seeding functions of libraries, by qualified name, and the generators each resets. */
    private static final Map<String, Set<Generator>> SEED_FUNCTIONS = Map.ofEntries(
            Map.entry("random.seed", EnumSet.of(Generator.PYTHON)),
            Map.entry("numpy.random.seed", EnumSet.of(Generator.NUMPY)),
            Map.entry("torch.manual_seed", EnumSet.of(Generator.TORCH)),
            Map.entry("torch.random.manual_seed", EnumSet.of(Generator.TORCH)),
            Map.entry("tensorflow.random.set_seed", EnumSet.of(Generator.TENSORFLOW)),
            Map.entry("tensorflow.set_random_seed", EnumSet.of(Generator.TENSORFLOW)),
            Map.entry("tensorflow.compat.v1.set_random_seed", EnumSet.of(Generator.TENSORFLOW)),
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
            Map.entry("lightning_fabric.utilities.seed.seed_everything", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.torch_core.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.basics.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.vision.all.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.text.all.set_seed", PYTHON_NUMPY_TORCH),
            Map.entry("fastai.tabular.all.set_seed", PYTHON_NUMPY_TORCH));

    /**
     * Names of seeding helpers that come from somewhere analysis cannot see (a star import): a
     * call to one with a seed is taken as seeding everything rather than risk a false alarm.
     */
    private static final Set<String> UNRESOLVED_SEED_HELPERS = Set.of(
            "set_seed", "seed_everything", "seed_all", "set_random_seed", "fix_seed", "set_seeds", "seed_torch");

    private final AnalyzedNotebook notebook;
    private final Map<Generator, List<Seed>> seeds = new EnumMap<>(Generator.class);

    private Seeding(AnalyzedNotebook notebook) {
        this.notebook = notebook;
        for (Generator generator : Generator.values()) {
            seeds.put(generator, new ArrayList<>());
        }
        for (CallSite call : notebook.calls()) {
            Set<Generator> reset = generatorsSeededBy(call);
            for (Generator generator : reset) {
                seeds.get(generator).add(new Seed(call, notebook.executionPoints(call.cell(), call.node())));
            }
        }
    }

    public static Seeding of(AnalyzedNotebook notebook) {
        return new Seeding(notebook);
    }

    /** The generators a call seeds with an explicit value (a call without one seeds from entropy). */
    public Set<Generator> generatorsSeededBy(CallSite call) {
        Set<Generator> known = call.qualifiedName() == null ? null : SEED_FUNCTIONS.get(call.qualifiedName());
        if (known == null && call.qualifiedName() == null && call.receiver() == null
                && call.methodName() != null && UNRESOLVED_SEED_HELPERS.contains(call.methodName())
                && notebook.definitionsOf(call.methodName()).isEmpty()) {
            known = ALL;
        }
        if (known == null || !hasSeedValue(call)) {
            return Set.of();
        }
        return known;
    }

    /** Whether the call passes a seed that is not None (first argument or a seed-like keyword). */
    static boolean hasSeedValue(CallSite call) {
        SyntaxNode value = call.argument(0, "seed");
        if (value == null) {
            value = call.keyword("a");
        }
        if (value == null && call.hasStarArgs()) {
            return true;
        }
        return value != null && !value.is("none");
    }

    /**
     * Whether the global generator is seeded before {@code draw} runs: at every point where the
     * draw runs, some seed of that generator runs earlier.
     */
    public boolean isSeededBefore(CallSite draw, Generator generator) {
        List<ProgramPoint> drawPoints = notebook.executionPoints(draw.cell(), draw.node());
        for (ProgramPoint drawPoint : drawPoints) {
            if (!seededBefore(draw, drawPoint, generator)) {
                return false;
            }
        }
        return true;
    }

    private boolean seededBefore(CallSite draw, ProgramPoint drawPoint, Generator generator) {
        for (Seed seed : seeds.get(generator)) {
            // A seed earlier in the same function body runs before the draw wherever it is called.
            if (seed.call.owner() != null && seed.call.owner().equals(draw.owner())
                    && seed.call.cell().index() == draw.cell().index()
                    && seed.call.node().startOffset() < draw.node().startOffset()) {
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
