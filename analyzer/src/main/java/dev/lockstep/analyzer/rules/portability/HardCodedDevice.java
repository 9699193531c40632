package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * LS508: code that names a GPU instead of choosing one at run time: {@code .cuda()},
 * {@code .to("cuda:1")}, {@code device="cuda:0"}, {@code map_location="cuda"}, {@code torch.device("cuda")},
 * {@code torch.cuda.set_device(1)}, {@code tf.device("/GPU:0")}, {@code pipeline(device=0)},
 * {@code device = "cuda"}, and {@code CUDA_VISIBLE_DEVICES} set in code or with {@code %env}.
 * Code inside a branch that checks for a GPU ({@code if torch.cuda.is_available(): model.cuda()},
 * {@code "cuda" if ... else "cpu"}) already chooses at run time and is not reported. Shell
 * commands that set the variable are LS501's. The sites are an inventory: one summary finding
 * per notebook names how many there are, and the report lists every one. In a notebook that
 * needs a CUDA GPU anyway (bitsandbytes quantization, fp16/bf16 training, Lightning on a GPU:
 * {@code facts().gpu().requiresGpu()}) the inventory stays and the summary is left out.
 */
@RuleInfo(id = "LS508", name = "hard-coded-device", category = Category.PORTABILITY,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = ".cuda(), .to(\"cuda:1\"), device=\"cuda:0\", CUDA_VISIBLE_DEVICES set in code")
public final class HardCodedDevice implements Rule {

    /** Device strings that exist only on some machines: CUDA GPUs, Apple's MPS, TensorFlow/LightGBM GPU names. */
    private static final Pattern GPU_DEVICE =
            Pattern.compile("(?i)(cuda(:\\d+)?|mps(:\\d+)?|gpu(:\\d+)?|/?(device:)?gpu:\\d+)");

    /** A branch condition that looks at what hardware is there. */
    private static final Pattern HARDWARE_CHECK = Pattern.compile("(?i)cuda|gpu|mps|device|accelerat");

    private static final String VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";

    private static final String CHOOSE = "choose the device at run time (\"cuda\" if torch.cuda.is_available() else "
            + "\"cpu\") so the job runs on any machine";

    @Override
    public void check(RuleContext context) {
        if (context.notebook().facts().gpu().requiresGpu()) {
            // Quantization or mixed-precision training already needs a CUDA GPU: "cuda" adds nothing to decide.
            SiteInventory.listOnly(context, HardCodedDevice::sites, SiteInventory::flaggedCode);
            return;
        }
        SiteInventory.summarise(context, HardCodedDevice::sites, SiteInventory::flaggedCode,
                (n, named) -> (n == 1 ? "1 place names" : n + " places name") + " a device the machine running the "
                        + "job may not have: " + named + "; " + CHOOSE + " (the report's inventory lists every place)");
    }

    /** Every device literal, reported to a collecting context. */
    private static void sites(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (CallSite call : notebook.calls()) {
            if (setsVisibleDevices(notebook, call)) {
                context.report(call.cell(), call.node(), visibleDevicesMessage());
            } else if (!isGuarded(call.node())) {
                checkCall(context, notebook, call);
            }
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                if (node.is("assignment")) {
                    checkAssignment(context, notebook, cell, node);
                }
            });
            for (Magic magic : cell.magics()) {
                if (magic.kind() == MagicKind.LINE_MAGIC && (magic.name().equals("env") || magic.name().equals("set_env"))
                        && magic.arguments().startsWith(VISIBLE_DEVICES)) {
                    context.report(cell, magic, visibleDevicesMessage());
                }
            }
        }
    }

    private static void checkCall(RuleContext context, AnalyzedNotebook notebook, CallSite call) {
        String method = call.methodName();
        boolean onValue = call.receiver() != null && notebook.qualify(call.cell(), call.receiver()) == null;
        if ("cuda".equals(method) && onValue && !call.hasStarArgs()) {
            context.report(call.cell(), call.node(), ".cuda() moves this to a CUDA GPU, which the machine running the "
                    + "job may not have: use .to(device) and " + CHOOSE);
            return;
        }
        if ("to".equals(method) && onValue) {
            SyntaxNode target = call.argument(0, "device");
            if (isGpuLiteral(target)) {
                report(context, call, target);
                return;
            }
        }
        if (call.is("torch.device", "tensorflow.device")) {
            SyntaxNode target = call.argument(0, call.is("torch.device") ? "type" : "device_name");
            if (isGpuLiteral(target)) {
                report(context, call, target);
            }
            return;
        }
        if (call.is("torch.cuda.set_device") && call.argument(0, "device") != null
                && (call.argument(0, "device").is("integer") || isGpuLiteral(call.argument(0, "device")))) {
            context.report(call.cell(), call.node(), "torch.cuda.set_device(" + call.argument(0, "device").text()
                    + ") picks one GPU by number, which another machine may not have: let the job's environment choose "
                    + "(CUDA_VISIBLE_DEVICES in lockstep.yaml)");
            return;
        }
        if (call.is("torch.set_default_device") && isGpuLiteral(call.argument(0, "device"))) {
            report(context, call, call.argument(0, "device"));
            return;
        }
        for (String keyword : new String[] {"device", "device_map", "map_location", "accelerator"}) {
            SyntaxNode value = call.keyword(keyword);
            if (isGpuLiteral(value)) {
                report(context, call, value);
                return;
            }
        }
        SyntaxNode device = call.keyword("device");
        if (call.is("transformers.pipeline") && device != null && device.is("integer")) {
            context.report(call.cell(), device, "pipeline(device=" + device.text() + ") runs on GPU " + device.text()
                    + ", which the machine running the job may not have: pass device=device and " + CHOOSE);
        }
    }

    /** {@code os.environ.setdefault/update(...)} or {@code os.putenv(...)} of CUDA_VISIBLE_DEVICES. */
    private static boolean setsVisibleDevices(AnalyzedNotebook notebook, CallSite call) {
        String method = call.methodName();
        if (isEnviron(notebook, call.cell(), call.receiver()) && ("setdefault".equals(method) || "update".equals(method))) {
            return mentionsVisibleDevices(call);
        }
        return call.is("os.putenv") && VISIBLE_DEVICES.equals(StringLiterals.value(call.argument(0, "key")));
    }

    /** {@code os.environ["CUDA_VISIBLE_DEVICES"] = ...} (guarded or not), and {@code device = "cuda"}. */
    private static void checkAssignment(RuleContext context, AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node) {
        SyntaxNode left = node.child("left");
        SyntaxNode right = node.child("right");
        if (left == null || right == null) {
            return;
        }
        if (left.is("subscript") && isEnviron(notebook, cell, left.child("value"))
                && VISIBLE_DEVICES.equals(StringLiterals.value(left.child("subscript")))) {
            context.report(cell, node, visibleDevicesMessage());
        } else if (left.is("identifier") && left.text().toLowerCase(Locale.ROOT).contains("device") && isGpuLiteral(right)
                && !isGuarded(node)) {
            context.report(cell, right, "'" + left.text() + " = " + right.text() + "' names a GPU the machine running "
                    + "the job may not have: " + CHOOSE);
        }
    }

    private static void report(RuleContext context, CallSite call, SyntaxNode literal) {
        context.report(call.cell(), literal, literal.text() + " names a device the machine running the job may not have: "
                + CHOOSE);
    }

    private static boolean isGpuLiteral(SyntaxNode node) {
        String value = StringLiterals.value(node);
        return value != null && GPU_DEVICE.matcher(value.strip()).matches();
    }

    private static boolean isEnviron(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node) {
        return node != null && "os.environ".equals(notebook.qualify(cell, node));
    }

    private static boolean mentionsVisibleDevices(CallSite call) {
        if (call.hasKeyword(VISIBLE_DEVICES)) {
            return true;
        }
        for (SyntaxNode argument : call.positional()) {
            if (VISIBLE_DEVICES.equals(StringLiterals.value(argument))) {
                return true;
            }
            for (SyntaxNode pair : argument.find(n -> n.is("pair"))) {
                if (VISIBLE_DEVICES.equals(StringLiterals.value(pair.child("key")))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String visibleDevicesMessage() {
        return "sets CUDA_VISIBLE_DEVICES in the notebook: which GPUs a job sees belongs to its environment (set it "
                + "under environment in lockstep.yaml), not to its code";
    }

    /** Inside an {@code if}/{@code elif} branch or a conditional expression that checks the hardware. */
    private static boolean isGuarded(SyntaxNode node) {
        SyntaxNode child = node;
        for (SyntaxNode parent = node.parent(); parent != null; child = parent, parent = parent.parent()) {
            SyntaxNode condition = null;
            if (parent.is("if_statement") || parent.is("elif_clause") || parent.is("while_statement")) {
                condition = parent.child("condition");
            } else if (parent.is("conditional_expression") && parent.namedChildren().size() == 3) {
                condition = parent.namedChildren().get(1);
            }
            if (condition != null && condition != child && !condition.contains(child)
                    && HARDWARE_CHECK.matcher(condition.text()).find()) {
                return true;
            }
        }
        return false;
    }
}
