package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.rules.portability.SiteInventory;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * LS309: reduced-precision computation, whose results depend on the GPU and its kernels:
 * {@code .half()} / {@code .bfloat16()}, {@code torch.float16}/{@code torch.bfloat16} dtypes,
 * autocast, {@code GradScaler}, {@code fp16=True}/{@code bf16=True} training arguments,
 * Accelerate's and Lightning's mixed precision, Keras mixed-precision policies, and 8-/4-bit
 * loading, and {@code --bf16}/{@code --fp16} passed to a training script. The sites are an
 * inventory: one summary finding per notebook names how many there are (one site per line),
 * and the report lists every one.
 */
@RuleInfo(id = "LS309", name = "reduced-precision", category = Category.RANDOMNESS,
        severity = Severity.INFO, remedy = Remedy.REPORTED,
        summary = "fp16/bf16/autocast/GradScaler/fp16=True: results depend on hardware shape; needs a tolerance")
public final class ReducedPrecision implements Rule {

    static final Set<String> AUTOCAST = Set.of("torch.autocast", "torch.cuda.amp.autocast", "torch.amp.autocast",
            "torch.cpu.amp.autocast", "torch.amp.autocast_mode.autocast");
    static final Set<String> GRAD_SCALERS = Set.of("torch.cuda.amp.GradScaler", "torch.amp.GradScaler",
            "torch.GradScaler", "torch.cpu.amp.GradScaler");
    static final Set<String> HALF_DTYPES = Set.of("torch.float16", "torch.half", "torch.bfloat16");
    static final Set<String> HALF_DTYPE_NAMES = Set.of("float16", "bfloat16", "half", "fp16", "bf16");
    /** Keywords that switch a trainer or loader to reduced precision when True. */
    static final Set<String> FLAGS = Set.of("fp16", "bf16", "fp16_full_eval", "bf16_full_eval", "load_in_8bit",
            "load_in_4bit");
    static final Set<String> LIGHTNING = Set.of("pytorch_lightning.Trainer", "lightning.Trainer",
            "lightning.pytorch.Trainer", "lightning.Fabric", "lightning.fabric.Fabric");
    static final Map<String, String> DESCRIPTIONS = Map.of(
            "fp16", "fp16=True trains in float16 mixed precision",
            "bf16", "bf16=True trains in bfloat16 mixed precision",
            "fp16_full_eval", "fp16_full_eval=True evaluates in float16",
            "bf16_full_eval", "bf16_full_eval=True evaluates in bfloat16",
            "load_in_8bit", "load_in_8bit=True quantises the weights to 8 bits",
            "load_in_4bit", "load_in_4bit=True quantises the weights to 4 bits");

    private static final String WHY = ": results depend on the GPU and its kernels; declare a tolerance for the outputs "
            + "it affects";

    @Override
    public void check(RuleContext context) {
        SiteInventory.summarise(context, ReducedPrecision::sites, SiteInventory::flaggedCode,
                (n, named) -> "the notebook computes in reduced precision at " + (n == 1 ? "1 place" : n + " places")
                        + ": " + named + ": results depend on the GPU and its kernels; declare a tolerance for the "
                        + "outputs they affect (the report's inventory lists every place)");
    }

    /** Every reduced-precision site, one finding per line, reported to a collecting context. */
    private static void sites(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        cliFlags(context, notebook);
        Values values = notebook.facts().values();
        Set<String> reportedLines = new HashSet<>();
        boolean torch = notebook.imports().imports("torch");
        for (CallSite call : notebook.calls()) {
            String name = call.qualifiedName();
            if (name != null && (AUTOCAST.contains(name) || GRAD_SCALERS.contains(name))) {
                SyntaxNode enabled = call.keyword("enabled");
                if (enabled == null || !values.of(call.cell(), enabled).isFalse()) {
                    String what = AUTOCAST.contains(name) ? "autocast runs ops in float16/bfloat16"
                            : "GradScaler scales float16 gradients and skips steps on overflow";
                    report(context, reportedLines, call.cell(), call.node(), what);
                }
            } else if (torch && name == null && call.receiver() != null && call.positional().isEmpty()
                    && call.keywords().isEmpty() && ("half".equals(call.methodName())
                            || "bfloat16".equals(call.methodName()))) {
                report(context, reportedLines, call.cell(), call.node(), "." + call.methodName()
                        + "() converts to " + ("half".equals(call.methodName()) ? "float16" : "bfloat16"));
            } else if (name != null && (name.endsWith("mixed_precision.set_global_policy")
                    || name.endsWith("mixed_precision.experimental.set_policy"))) {
                SyntaxNode policy = call.argument(0, "policy");
                String text = policy == null ? null : values.of(call.cell(), policy).plainString();
                if (text != null && (text.startsWith("mixed_") || HALF_DTYPE_NAMES.contains(text))) {
                    report(context, reportedLines, call.cell(), call.node(), "the Keras policy \"" + text
                            + "\" computes in reduced precision");
                }
            }
            checkKeywords(context, values, reportedLines, call);
        }
        if (torch) {
            reportHalfDtypes(context, reportedLines);
        }
    }

    /** {@code --bf16} / {@code --fp16} passed to a training script: in a shell line or a string argument. */
    private static void cliFlags(RuleContext context, AnalyzedNotebook notebook) {
        java.util.regex.Pattern flag = java.util.regex.Pattern.compile("(?<![\\w-])--(bf16|fp16)(?![\\w-])(?!\\s*(=\\s*)?(False|false|0)\\b)");
        for (AnalyzedCell cell : notebook.cells()) {
            for (Magic magic : cell.magics()) {
                String text = magic.arguments() + "\n" + magic.body();
                java.util.regex.Matcher m = flag.matcher(text);
                if ((magic.kind() == MagicKind.SHELL || magic.kind() == MagicKind.CELL_MAGIC) && m.find()) {
                    context.report(cell, magic, "--" + m.group(1) + " trains in " + (m.group(1).equals("bf16")
                            ? "bfloat16" : "float16") + " mixed precision" + WHY);
                }
            }
            if (!cell.isPython()) {
                continue;
            }
            cell.root().walk(node -> {
                String value = node.is("string") ? StringLiterals.value(node) : null;
                if (value != null && (value.equals("--bf16") || value.equals("--fp16"))) {
                    context.report(cell, node, value + " trains in " + (value.equals("--bf16") ? "bfloat16" : "float16")
                            + " mixed precision" + WHY);
                }
            });
        }
    }

    /** Keywords whose value (not merely whether it is True) says the precision. */
    private static final Set<String> VALUED_KEYWORDS = Set.of("mixed_precision", "precision", "torch_dtype", "dtype");

    private static void checkKeywords(RuleContext context, Values values, Set<String> reportedLines,
            CallSite call) {
        for (Map.Entry<String, SyntaxNode> keyword : call.keywords().entrySet()) {
            String name = keyword.getKey();
            SyntaxNode value = keyword.getValue();
            SyntaxNode argument = value.parent();
            if (!FLAGS.contains(name) && !VALUED_KEYWORDS.contains(name)) {
                continue; // evaluate only the keywords this rule reads
            }
            Value known = values.of(call.cell(), value);
            String text = known.plainString();
            if (FLAGS.contains(name) && known.isTrue()) {
                report(context, reportedLines, call.cell(), argument, DESCRIPTIONS.get(name));
            } else if (name.equals("mixed_precision")) {
                if (text != null && (text.equals("fp16") || text.equals("bf16") || text.equals("fp8"))) {
                    report(context, reportedLines, call.cell(), argument, "mixed_precision=\"" + text
                            + "\" trains in reduced precision");
                }
            } else if (name.equals("precision") && call.qualifiedName() != null
                    && LIGHTNING.contains(call.qualifiedName())) {
                Double number = known.number();
                boolean reduced = (number != null && number == 16)
                        || (text != null && (text.startsWith("16") || text.startsWith("bf16")));
                if (reduced) {
                    report(context, reportedLines, call.cell(), argument, "precision=" + value.text()
                            + " trains in reduced precision");
                }
            } else if ((name.equals("torch_dtype") || name.equals("dtype")) && HALF_DTYPE_NAMES.contains(
                    String.valueOf(text))) {
                report(context, reportedLines, call.cell(), argument, name + "=\"" + text
                        + "\" loads weights in reduced precision");
            }
        }
    }

    /** {@code torch.float16} / {@code torch.bfloat16} used as a value (not compared against). */
    private static void reportHalfDtypes(RuleContext context, Set<String> reportedLines) {
        AnalyzedNotebook notebook = context.notebook();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                if (!node.is("attribute") || (node.parent() != null && node.parent().is("attribute"))) {
                    return;
                }
                String qualified = notebook.qualify(cell, node);
                if (qualified == null || !HALF_DTYPES.contains(qualified)) {
                    return;
                }
                for (SyntaxNode n = node.parent(); n != null && !n.is("expression_statement") && !n.is("block"); n = n.parent()) {
                    if (n.is("comparison_operator") || n.is("if_statement")) {
                        return; // a check of a dtype, not a choice of one
                    }
                }
                report(context, reportedLines, cell, node, qualified + " computes in reduced precision");
            });
        }
    }

    private static void report(RuleContext context, Set<String> reportedLines, AnalyzedCell cell, SyntaxNode node,
            String what) {
        String key = cell.index() + ":" + cell.position(node).line();
        if (reportedLines.add(key)) {
            context.report(cell, node, what + WHY);
        }
    }
}
