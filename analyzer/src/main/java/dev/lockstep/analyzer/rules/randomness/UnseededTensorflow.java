package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * LS304: TensorFlow and Keras randomness with no global seed before it: {@code tf.random.*}
 * ops without an op seed, {@code Generator.from_non_deterministic_state()}, Keras layers that
 * initialise weights or draw (dense, convolutional, recurrent, embedding, dropout, noise and
 * augmentation layers), {@code tf.data} shuffles without a seed, {@code image_dataset_from_directory}
 * (and its text and audio siblings) without {@code seed=}, and Keras {@code fit}, which shuffles
 * the training data every epoch by default.
 *
 * <p>An op seed alone makes a TensorFlow op repeatable (TF combines it with a default global
 * seed), so ops given {@code seed=} are left alone. Keras 3 draws its default seeds from
 * Python's {@code random} module while tf.keras 2 uses TensorFlow's global seed, so either
 * seed before a Keras layer silences it.
 */
@RuleInfo(id = "LS304", name = "unseeded-tensorflow", category = Category.RANDOMNESS,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "TensorFlow/Keras randomness with no tf.random.set_seed / keras.utils.set_random_seed")
public final class UnseededTensorflow implements Rule {

    /** tf.random ops (and their TF1 aliases) that draw from the global seed unless given seed=. */
    static final Set<String> DRAWS = Set.of("tensorflow.random.uniform", "tensorflow.random.normal",
            "tensorflow.random.truncated_normal", "tensorflow.random.shuffle", "tensorflow.random.categorical",
            "tensorflow.random.gamma", "tensorflow.random.poisson", "tensorflow.random.log_uniform_candidate_sampler",
            "tensorflow.random.uniform_candidate_sampler", "tensorflow.random_uniform", "tensorflow.random_normal",
            "tensorflow.truncated_normal", "tensorflow.random_shuffle", "tensorflow.multinomial",
            "tensorflow.compat.v1.random_uniform", "tensorflow.compat.v1.random_normal",
            "tensorflow.compat.v1.truncated_normal", "tensorflow.compat.v1.random_shuffle", "tensorflow.nn.dropout",
            "tensorflow.image.random_flip_left_right", "tensorflow.image.random_flip_up_down",
            "tensorflow.image.random_brightness", "tensorflow.image.random_contrast", "tensorflow.image.random_crop",
            "tensorflow.image.random_hue", "tensorflow.image.random_saturation", "tensorflow.image.random_jpeg_quality");

    /** Keras layers that draw: weight initialisers, dropout and noise, random augmentation. */
    static final Set<String> RANDOM_LAYERS = Set.of("Dense", "EinsumDense", "Conv1D", "Conv2D", "Conv3D",
            "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose", "SeparableConv1D", "SeparableConv2D",
            "DepthwiseConv1D", "DepthwiseConv2D", "Convolution1D", "Convolution2D", "Convolution3D", "Embedding", "LSTM",
            "GRU", "SimpleRNN", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "LSTMCell", "GRUCell", "SimpleRNNCell",
            "MultiHeadAttention", "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
            "GaussianDropout", "GaussianNoise", "AlphaDropout", "RandomFlip", "RandomRotation", "RandomZoom",
            "RandomCrop", "RandomTranslation", "RandomContrast", "RandomBrightness", "RandomHeight", "RandomWidth");

    static final Set<String> KERAS_PREFIXES = Set.of("keras.", "tensorflow.keras.", "tf_keras.");
    static final Set<String> KERAS_CONTAINERS = Set.of("Sequential", "Model");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        if (!notebook.imports().imports("tensorflow") && !notebook.imports().imports("keras")
                && !notebook.imports().imports("tf_keras")) {
            return;
        }
        Seeding seeding = Seeding.of(notebook);
        Map<SyntaxNode, CallSite> calls = new IdentityHashMap<>();
        notebook.calls().forEach(call -> calls.put(call.node(), call));
        Set<Integer> kerasReportedCells = new HashSet<>();
        for (CallSite call : notebook.calls()) {
            String name = call.qualifiedName();
            if (name != null && DRAWS.contains(name)) {
                if (!call.hasKeyword("seed") && !call.hasStarArgs()
                        && !seeding.isSeededBefore(call, Seeding.Generator.TENSORFLOW)) {
                    context.report(call.cell(), call.node(), name.replaceFirst("^tensorflow\\.", "tf.")
                            + "() draws with no tf.random.set_seed(...) before it and no op seed: call "
                            + "tf.keras.utils.set_random_seed(SEED) first");
                }
            } else if (name != null && name.endsWith("random.Generator.from_non_deterministic_state")) {
                context.report(call.cell(), call.node(), "Generator.from_non_deterministic_state() starts from OS "
                        + "entropy on every run: use tf.random.Generator.from_seed(SEED)");
            } else if (isDatasetShuffle(call) && !seeding.isSeededBefore(call, Seeding.Generator.TENSORFLOW)) {
                context.report(call.cell(), call.node(), "tf.data " + call.methodName() + "() without seed= shuffles "
                        + "differently on every run: pass seed=SEED or call tf.keras.utils.set_random_seed(SEED) first");
            } else if (isDirectoryDataset(call) && !seeding.isSeededBefore(call, KERAS_SEEDS)) {
                String last = call.qualifiedName().substring(call.qualifiedName().lastIndexOf('.') + 1);
                context.report(call.cell(), call.node(), last + "() shuffles the files (shuffle=True by default) "
                        + "without seed=, so batches differ on every run: pass seed=SEED or call "
                        + "keras.utils.set_random_seed(SEED) first");
            } else if (isKerasFit(call) && !seeding.isSeededBefore(call, KERAS_SEEDS)) {
                context.report(call.cell(), call.node(), "Keras fit() shuffles the training data every epoch "
                        + "(shuffle=True by default) with no global seed before it: call keras.utils.set_random_seed(SEED) "
                        + "first");
            } else if (isKerasRandom(call, calls) && !insideKerasRandom(call, calls)
                    && !kerasReportedCells.contains(call.cell().index())
                    && !seeding.isSeededBefore(call, EnumSet.of(Seeding.Generator.TENSORFLOW, Seeding.Generator.PYTHON))) {
                // One per cell: a functional model builds layer after layer, and one seed fixes them all.
                kerasReportedCells.add(call.cell().index());
                context.report(call.cell(), call.node(), kerasName(call) + "(...) initialises weights or draws at "
                        + "random with no global seed before it: call keras.utils.set_random_seed(SEED) first");
            }
        }
    }

    /** The generators Keras draws its default seeds from: TensorFlow's (tf.keras 2), Python's and NumPy's (Keras 3). */
    private static final Set<Seeding.Generator> KERAS_SEEDS = EnumSet.of(Seeding.Generator.TENSORFLOW,
            Seeding.Generator.PYTHON, Seeding.Generator.NUMPY);

    /** Keras utilities that list a folder into a shuffled dataset. */
    private static final Set<String> DIRECTORY_DATASETS = Set.of("image_dataset_from_directory",
            "text_dataset_from_directory", "audio_dataset_from_directory");

    /** {@code image_dataset_from_directory(...)} shuffling (the default) with no seed. */
    private static boolean isDirectoryDataset(CallSite call) {
        String name = call.qualifiedName();
        if (name == null || call.hasStarArgs() || call.hasKeyword("seed")
                || KERAS_PREFIXES.stream().noneMatch(name::startsWith)) {
            return false;
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        SyntaxNode shuffle = call.keyword("shuffle");
        return DIRECTORY_DATASETS.contains(last) && (shuffle == null || !Values.literal(shuffle).isFalse());
    }

    /** {@code model.fit(...)} on a Keras model, shuffling (the default). */
    private static boolean isKerasFit(CallSite call) {
        String origin = call.receiverOrigin();
        if (!"fit".equals(call.methodName()) || origin == null || call.hasStarArgs()
                || KERAS_PREFIXES.stream().noneMatch(origin::startsWith)) {
            return false;
        }
        SyntaxNode shuffle = call.keyword("shuffle");
        return shuffle == null || !Values.literal(shuffle).isFalse();
    }

    private static String kerasName(CallSite call) {
        String name = call.qualifiedName();
        return name.startsWith("tensorflow.") ? "tf." + name.substring("tensorflow.".length()) : name;
    }

    /** {@code Dataset.shuffle(buffer)} or {@code Dataset.list_files(pattern)} without a seed. */
    private static boolean isDatasetShuffle(CallSite call) {
        if (call.hasStarArgs() || call.hasKeyword("seed")) {
            return false;
        }
        if (call.is("tensorflow.data.Dataset.list_files")) {
            SyntaxNode shuffle = call.argument(1, "shuffle");
            return (shuffle == null || !Values.literal(shuffle).isFalse()) && call.positional().size() < 3;
        }
        String origin = call.receiverOrigin();
        return "shuffle".equals(call.methodName()) && origin != null && origin.startsWith("tensorflow.data.")
                && call.positional().size() < 2;
    }

    private static boolean isKerasRandom(CallSite call, Map<SyntaxNode, CallSite> calls) {
        String name = call.qualifiedName();
        if (name == null || KERAS_PREFIXES.stream().noneMatch(name::startsWith) || call.hasStarArgs()) {
            return false;
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (name.contains(".layers.") && RANDOM_LAYERS.contains(last)) {
            return !call.hasKeyword("seed");
        }
        if (name.contains(".applications.") && Character.isUpperCase(last.charAt(0))) {
            SyntaxNode weights = call.keyword("weights");
            return weights != null && Values.literal(weights).isNone();
        }
        if (KERAS_CONTAINERS.contains(last) && !name.contains(".layers.")) {
            SyntaxNode arguments = call.node().child("arguments");
            if (arguments == null) {
                return false;
            }
            for (SyntaxNode inner : arguments.find(n -> n.is("call"))) {
                CallSite other = calls.get(inner);
                if (other != null && isKerasRandom(other, calls)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean insideKerasRandom(CallSite call, Map<SyntaxNode, CallSite> calls) {
        for (SyntaxNode n = call.node().parent(); n != null; n = n.parent()) {
            CallSite outer = n.is("call") ? calls.get(n) : null;
            if (outer != null && isKerasRandom(outer, calls)) {
                return true;
            }
        }
        return false;
    }
}
