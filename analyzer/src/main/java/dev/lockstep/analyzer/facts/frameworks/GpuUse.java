package dev.lockstep.analyzer.facts.frameworks;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that knows whether, and where, a notebook puts work on a GPU. A notebook uses
 * CUDA when its code names a CUDA device: a {@code "cuda"} / {@code "cuda:N"} string (directly
 * or through a name: {@code device = "cuda"; x.to(device)}), a {@code .cuda()} call,
 * {@code torch.cuda.set_device}, {@code torch.set_default_device("cuda")}, a model placed by
 * {@code device_map=} (anything but "cpu"), mixed-precision training switched on
 * ({@code fp16=True} / {@code bf16=True} in transformers' training arguments: they need a GPU),
 * Lightning's {@code accelerator="gpu"|"cuda"} / {@code gpus=N}, or a model quantized by bitsandbytes
 * ({@code load_in_4bit=True} / {@code load_in_8bit=True}). Checking
 * {@code torch.cuda.is_available()} alone is not a use.
 */
public final class GpuUse {
    private static final Pattern CUDA_DEVICE = Pattern.compile("cuda(:\\d+)?");
    private static final Set<String> MIXED_PRECISION_FLAGS = Set.of("fp16", "bf16");
    private static final Set<String> GPU_ACCELERATORS = Set.of("gpu", "cuda");

    /**
     * One place the notebook puts work on a GPU, and how.
     *
     * @param required whether this use needs a CUDA GPU whatever device the code names
     *                 (bitsandbytes quantization, fp16/bf16 training, Lightning on a GPU),
     *                 unlike a device literal, which choosing the device at run time removes
     */
    public record Site(AnalyzedCell cell, SyntaxNode node, String how, boolean required) {
    }

    /** Keywords that load a model quantized by bitsandbytes, whose kernels run on CUDA only. */
    private static final Set<String> QUANTIZATION_FLAGS = Set.of("load_in_4bit", "load_in_8bit");

    private final List<Site> sites;

    private GpuUse(List<Site> sites) {
        this.sites = List.copyOf(sites);
    }

    public static GpuUse of(AnalyzedNotebook notebook, Values values) {
        List<Site> sites = new ArrayList<>();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                if (StringLiterals.isString(node)) {
                    String text = StringLiterals.value(node);
                    SyntaxNode parent = node.parent();
                    boolean documentation = parent != null && parent.is("expression_statement")
                            && parent.namedChildren().size() == 1;
                    if (text != null && !documentation && CUDA_DEVICE.matcher(text).matches()) {
                        sites.add(new Site(cell, node, "names the device \"" + text + "\"", false));
                    }
                }
            });
        }
        for (CallSite call : notebook.calls()) {
            String how = how(call, values);
            if (how != null) {
                sites.add(new Site(call.cell(), call.node(), how, false));
            }
            String needs = needsGpu(call, values);
            if (needs != null) {
                sites.add(new Site(call.cell(), call.node(), needs, true));
            }
        }
        sites.sort(Comparator.comparingInt((Site s) -> s.cell().index()).thenComparingInt(s -> s.node().startOffset()));
        return new GpuUse(sites);
    }

    private static String how(CallSite call, Values values) {
        if ("cuda".equals(call.methodName()) && call.receiver() != null && call.qualifiedName() == null) {
            return "calls .cuda()";
        }
        if (call.is("torch.cuda.set_device")) {
            return "calls torch.cuda.set_device";
        }
        if (call.is("torch.set_default_device") || ("to".equals(call.methodName()) && call.qualifiedName() == null)) {
            SyntaxNode device = call.argument(0, "device");
            String text = device == null ? null : values.of(call.cell(), device).string();
            if (text != null && CUDA_DEVICE.matcher(text).matches() && !StringLiterals.isString(device)) {
                return "puts work on \"" + text + "\"";
            }
            return null;
        }
        SyntaxNode deviceMap = call.keyword("device_map");
        if (deviceMap != null) {
            Value value = values.of(call.cell(), deviceMap);
            String text = value.string();
            if (text == null || !text.equals("cpu")) {
                return "places the model with device_map=" + (text == null ? deviceMap.text() : "\"" + text + "\"");
            }
        }
        return null;
    }

    /** A use that needs a CUDA GPU whatever device the code names, or null. */
    private static String needsGpu(CallSite call, Values values) {
        String name = call.qualifiedName();
        if (name != null && (name.startsWith("transformers.") || name.startsWith("trl."))) {
            for (String flag : MIXED_PRECISION_FLAGS) {
                SyntaxNode argument = call.keyword(flag);
                if (argument != null && values.of(call.cell(), argument) instanceof Value.Bool b && b.value()) {
                    return "trains with " + flag + "=True, which needs a GPU";
                }
            }
        }
        for (String flag : QUANTIZATION_FLAGS) {
            SyntaxNode argument = call.keyword(flag);
            if (argument != null && values.of(call.cell(), argument) instanceof Value.Bool b && b.value()) {
                return "quantizes with bitsandbytes (" + flag + "=True), whose kernels run on CUDA";
            }
        }
        if (name != null && (name.startsWith("lightning.") || name.startsWith("pytorch_lightning."))) {
            SyntaxNode accelerator = call.keyword("accelerator");
            String text = accelerator == null ? null : values.of(call.cell(), accelerator).string();
            if (text != null && GPU_ACCELERATORS.contains(text)) {
                return "trains with accelerator=\"" + text + "\"";
            }
            SyntaxNode gpus = call.keyword("gpus");
            if (gpus != null && values.of(call.cell(), gpus) instanceof Value.Int n && n.value().signum() > 0) {
                return "trains with gpus=" + n.value();
            }
        }
        return null;
    }

    /** Whether some use needs a CUDA GPU whatever device the code names (see {@link Site#required}). */
    public boolean requiresGpu() {
        return sites.stream().anyMatch(Site::required);
    }

    /** Whether the notebook puts any work on a GPU. */
    public boolean usesGpu() {
        return !sites.isEmpty();
    }

    /** Every place, in document order. */
    public List<Site> sites() {
        return sites;
    }

    /** The first place, in document order. */
    public Optional<Site> first() {
        return sites.isEmpty() ? Optional.empty() : Optional.of(sites.get(0));
    }
}
