package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.analyzer.rules.Fixes;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * LS307: PyTorch settings that make CUDA results vary, in a notebook that uses CUDA:
 * {@code cudnn.benchmark = True}, TF32 allowed ({@code allow_tf32 = True},
 * {@code set_float32_matmul_precision("high"|"medium")}, {@code TrainingArguments(tf32=True)}),
 * and deterministic algorithms never enabled, reported at the first CUDA use.
 *
 * <p>Deterministic algorithms count as enabled when {@code torch.use_deterministic_algorithms(True)}
 * (or an equivalent switch) runs anywhere in the notebook, before or after the first CUDA use,
 * or when {@code cudnn.deterministic = True} is set: the older recipe that fixes the cuDNN part;
 * the ops it leaves nondeterministic are LS308's. {@code cudnn.benchmark} defaults to False, so
 * leaving it unset is fine.
 */
@RuleInfo(id = "LS307", name = "nondeterministic-gpu-settings", category = Category.RANDOMNESS,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "cudnn.benchmark = True, TF32 allowed, deterministic algorithms never enabled while CUDA is used")
public final class NondeterministicGpuSettings implements Rule {

    private static final Set<String> TF32_FLAGS = Set.of("torch.backends.cuda.matmul.allow_tf32",
            "torch.backends.cudnn.allow_tf32");

    /** Replaces the value of the assignment around {@code node} with False. */
    private static Fix assignFalse(SyntaxNode node) {
        SyntaxNode assignment = node.is("assignment") ? node : node.ancestor("assignment");
        SyntaxNode right = assignment == null ? null : assignment.child("right");
        // Turning a GPU speed setting off changes numerics and speed: a change to review.
        return right == null ? null : Fixes.replace(right, "False", "set it to False").unsafe();
    }

    @Override
    public void check(RuleContext context) {
        if (!context.notebook().imports().imports("torch")) {
            return; // the settings and the deterministic switch are PyTorch's
        }
        CudaUsage cuda = CudaUsage.of(context.notebook());
        if (!cuda.usesCuda()) {
            return;
        }
        for (CudaUsage.Use use : cuda.assignments("torch.backends.cudnn.benchmark", true)) {
            context.report(use.cell(), use.node(), "cudnn.benchmark = True lets cuDNN pick convolution algorithms by "
                    + "timing, which can change from run to run: set torch.backends.cudnn.benchmark = False",
                    assignFalse(use.node()));
        }
        for (String flag : TF32_FLAGS) {
            for (CudaUsage.Use use : cuda.assignments(flag, true)) {
                context.report(use.cell(), use.node(), flag + " = True runs float32 math in TF32 on Ampere and newer "
                        + "GPUs, so results depend on the GPU: set it to False", assignFalse(use.node()));
            }
        }
        Values values = context.notebook().facts().values();
        for (CallSite call : context.notebook().calls()) {
            if (call.is("torch.set_float32_matmul_precision")) {
                SyntaxNode precision = call.argument(0, "precision");
                String value = precision == null ? null : values.of(call.cell(), precision).plainString();
                if ("high".equals(value) || "medium".equals(value)) {
                    context.report(call.cell(), call.node(), "set_float32_matmul_precision(\"" + value + "\") lets "
                            + "float32 matmuls use TF32 or bfloat16 internally, so results depend on the GPU: keep "
                            + "\"highest\"", precision.is("string")
                                    ? Fixes.replace(precision, "\"highest\"", "use \"highest\"") : null);
                }
            }
            SyntaxNode tf32 = call.keyword("tf32");
            if (tf32 != null && call.qualifiedName() != null && call.qualifiedName().startsWith("transformers.")
                    && values.of(call.cell(), tf32).isTrue()) {
                SyntaxNode argument = tf32.parent();
                context.report(call.cell(), argument, "tf32=True runs float32 math in TF32 on Ampere and newer GPUs, so "
                        + "results depend on the GPU: leave it off", Fixes.replace(tf32, "False", "pass tf32=False"));
            }
        }
        Optional<CudaUsage.Use> first = cuda.firstUse();
        if (!cuda.deterministicMode() && !cuda.cudnnDeterministic() && first.isPresent()) {
            context.report(first.get().cell(), first.get().node(), "the notebook runs on CUDA but never calls "
                    + "torch.use_deterministic_algorithms(True): cuDNN and atomic-add kernels may give different results "
                    + "run to run; enable it (with CUBLAS_WORKSPACE_CONFIG=:4096:8)");
        }
    }
}
