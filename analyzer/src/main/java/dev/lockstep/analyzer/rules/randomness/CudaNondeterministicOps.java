package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.List;
import java.util.Set;

/**
 * PyTorch ops documented as nondeterministic on CUDA, as data (LS308). Each entry says where
 * the nondeterminism is (forward, or only in the backward pass), what
 * {@code torch.use_deterministic_algorithms(True)} does about it (switches to a deterministic
 * kernel, or raises because there is none), under which arguments, and where that is written.
 *
 * <p>Left out on purpose, because the arguments that decide it are not visible in source:
 * float {@code cumsum} (integer cumsum is deterministic), {@code scatter_}/{@code index_copy_}
 * (nondeterministic only with duplicate indices), {@code gather}/{@code index_select}/
 * {@code repeat_interleave} backward and NLLLoss (only the 2-D target kernel alerts), and
 * {@code scaled_dot_product_attention} (depends on the backend chosen at run time).
 */
final class CudaNondeterministicOps {
    private CudaNondeterministicOps() {
    }

    /** PyTorch 2.x docstring of use_deterministic_algorithms: the lists of affected ops. */
    static final String DETERMINISTIC_ALGORITHMS_DOC =
            "https://pytorch.org/docs/stable/generated/torch.use_deterministic_algorithms.html";
    /** Older list (1.12), where scatter_add_/gather with dim > 1 still raised. */
    static final String DETERMINISTIC_ALGORITHMS_DOC_1_12 =
            "https://pytorch.org/docs/1.12/generated/torch.use_deterministic_algorithms.html";
    /** Randomness notes: atomic adds are the classic source. */
    static final String RANDOMNESS_NOTES = "https://pytorch.org/docs/stable/notes/randomness.html";

    /** Where an op's nondeterminism shows. */
    enum Phase { FORWARD, BACKWARD }

    /** What deterministic mode does with the op on CUDA. */
    enum UnderDeterministicMode {
        /** Switches to a deterministic implementation. */
        DETERMINISTIC,
        /** Raises: no deterministic implementation exists. */
        RAISES
    }

    /** Whether a call's arguments select the nondeterministic behaviour; returns a description or null. */
    @FunctionalInterface
    interface Arguments {
        String select(CallSite call);
    }

    /**
     * One documented op.
     *
     * @param qualifier the arguments that make it nondeterministic, for messages ("" when none matter)
     * @param functions qualified names of the functions, classes or modules that run it
     * @param methods   Tensor method names that run it (matched on receivers analysis cannot type)
     * @param phase     forward or backward
     * @param mode      what deterministic mode does
     * @param arguments when the call's arguments make it nondeterministic ("" always)
     * @param source    where this is documented
     */
    record Op(String qualifier, Set<String> functions, Set<String> methods, Phase phase, UnderDeterministicMode mode,
            Arguments arguments, String source) {
    }

    private static final Arguments ALWAYS = call -> "";

    static final List<Op> OPS = List.of(
            new Op("", Set.of("torch.index_add"), Set.of("index_add_", "index_add"), Phase.FORWARD,
                    UnderDeterministicMode.DETERMINISTIC, ALWAYS, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.scatter_add"), Set.of("scatter_add_", "scatter_add"), Phase.FORWARD,
                    UnderDeterministicMode.DETERMINISTIC, ALWAYS, DETERMINISTIC_ALGORITHMS_DOC_1_12),
            new Op("reduce='sum' or 'mean'", Set.of("torch.scatter_reduce"),
                    Set.of("scatter_reduce_", "scatter_reduce"), Phase.FORWARD, UnderDeterministicMode.DETERMINISTIC,
                    call -> reduce(call, "sum", "mean"), DETERMINISTIC_ALGORITHMS_DOC),
            new Op("reduce='prod'", Set.of("torch.scatter_reduce"),
                    Set.of("scatter_reduce_", "scatter_reduce"), Phase.FORWARD, UnderDeterministicMode.RAISES,
                    call -> reduce(call, "prod"), DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of(), Set.of("put_"), Phase.FORWARD, UnderDeterministicMode.RAISES, ALWAYS,
                    DETERMINISTIC_ALGORITHMS_DOC),
            new Op("weights", Set.of("torch.bincount"), Set.of("bincount"), Phase.FORWARD,
                    UnderDeterministicMode.RAISES, CudaNondeterministicOps::weighted, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.histc"), Set.of("histc"), Phase.FORWARD, UnderDeterministicMode.RAISES,
                    ALWAYS, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.kthvalue"), Set.of("kthvalue"), Phase.FORWARD,
                    UnderDeterministicMode.RAISES, ALWAYS, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("dim (indices)", Set.of("torch.median"), Set.of("median"), Phase.FORWARD,
                    UnderDeterministicMode.RAISES, CudaNondeterministicOps::medianWithDim, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("a linear, bilinear, bicubic or trilinear mode",
                    Set.of("torch.nn.functional.interpolate", "torch.nn.functional.upsample", "torch.nn.Upsample"),
                    Set.of(), Phase.BACKWARD, UnderDeterministicMode.RAISES, CudaNondeterministicOps::interpolating,
                    DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.nn.functional.upsample_bilinear",
                    "torch.nn.UpsamplingBilinear2d"), Set.of(), Phase.BACKWARD, UnderDeterministicMode.RAISES, ALWAYS,
                    DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.nn.functional.grid_sample"), Set.of(), Phase.BACKWARD,
                    UnderDeterministicMode.RAISES, ALWAYS, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.nn.AvgPool3d", "torch.nn.functional.avg_pool3d",
                    "torch.nn.AdaptiveAvgPool2d", "torch.nn.functional.adaptive_avg_pool2d",
                    "torch.nn.AdaptiveAvgPool3d", "torch.nn.functional.adaptive_avg_pool3d", "torch.nn.MaxPool3d",
                    "torch.nn.functional.max_pool3d", "torch.nn.AdaptiveMaxPool2d",
                    "torch.nn.functional.adaptive_max_pool2d", "torch.nn.FractionalMaxPool2d",
                    "torch.nn.functional.fractional_max_pool2d", "torch.nn.FractionalMaxPool3d",
                    "torch.nn.functional.fractional_max_pool3d"), Set.of(), Phase.BACKWARD,
                    UnderDeterministicMode.RAISES, ALWAYS, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.nn.ReflectionPad1d", "torch.nn.ReflectionPad2d", "torch.nn.ReflectionPad3d"),
                    Set.of(), Phase.BACKWARD, UnderDeterministicMode.RAISES, ALWAYS, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("mode='reflect'", Set.of("torch.nn.functional.pad"), Set.of(), Phase.BACKWARD,
                    UnderDeterministicMode.RAISES, call -> padding(call, "reflect"), DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.nn.ReplicationPad1d", "torch.nn.ReplicationPad2d", "torch.nn.ReplicationPad3d"),
                    Set.of(), Phase.BACKWARD, UnderDeterministicMode.DETERMINISTIC, ALWAYS, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("mode='replicate'", Set.of("torch.nn.functional.pad"), Set.of(), Phase.BACKWARD,
                    UnderDeterministicMode.DETERMINISTIC, call -> padding(call, "replicate"), DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.nn.CTCLoss", "torch.nn.functional.ctc_loss", "torch.ctc_loss"), Set.of(),
                    Phase.BACKWARD, UnderDeterministicMode.RAISES, ALWAYS, DETERMINISTIC_ALGORITHMS_DOC),
            new Op("mode='max'", Set.of("torch.nn.EmbeddingBag", "torch.nn.functional.embedding_bag"),
                    Set.of(), Phase.BACKWARD, UnderDeterministicMode.RAISES, CudaNondeterministicOps::maxBag,
                    DETERMINISTIC_ALGORITHMS_DOC),
            new Op("", Set.of("torch.nn.MaxUnpool1d", "torch.nn.MaxUnpool2d", "torch.nn.MaxUnpool3d",
                    "torch.nn.functional.max_unpool1d", "torch.nn.functional.max_unpool2d",
                    "torch.nn.functional.max_unpool3d"), Set.of(), Phase.FORWARD, UnderDeterministicMode.RAISES, ALWAYS,
                    DETERMINISTIC_ALGORITHMS_DOC));

    private static String literal(SyntaxNode node) {
        return node == null ? null : Values.literal(node).plainString();
    }

    private static String reduce(CallSite call, String... accepted) {
        int position = call.qualifiedName() != null ? 4 : 3;
        String value = literal(call.argument(position, "reduce"));
        for (String a : accepted) {
            if (a.equals(value)) {
                return "";
            }
        }
        return null;
    }

    private static String weighted(CallSite call) {
        SyntaxNode weights = call.qualifiedName() != null ? call.argument(1, "weights") : call.argument(0, "weights");
        return weights != null && !Values.literal(weights).isNone() ? "" : null;
    }

    private static String medianWithDim(CallSite call) {
        if (call.qualifiedName() != null) {
            return call.argument(1, "dim") != null ? "" : null;
        }
        return call.hasKeyword("dim") ? "" : null;
    }

    private static String interpolating(CallSite call) {
        int position = call.is("torch.nn.Upsample") ? 2 : 3;
        String mode = literal(call.argument(position, "mode"));
        return mode != null && Set.of("linear", "bilinear", "bicubic", "trilinear").contains(mode) ? "" : null;
    }

    private static String padding(CallSite call, String mode) {
        return mode.equals(literal(call.argument(2, "mode"))) ? "" : null;
    }

    private static String maxBag(CallSite call) {
        return "max".equals(literal(call.keyword("mode"))) ? "" : null;
    }

    /** The documented op a call runs, or null. */
    static Op match(CallSite call) {
        String name = call.qualifiedName();
        for (Op op : OPS) {
            boolean named = name != null && op.functions().contains(name);
            // A method on a value known to come from another library (xarray's median(dim=...)) is not torch's.
            boolean method = name == null && call.receiver() != null && op.methods().contains(call.methodName())
                    && (call.receiverOrigin() == null || call.receiverOrigin().startsWith("torch."));
            if ((named || method) && op.arguments().select(call) != null) {
                return op;
            }
        }
        return null;
    }
}
