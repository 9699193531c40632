package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * LS308: PyTorch ops documented as nondeterministic on CUDA ({@link CudaNondeterministicOps}),
 * in a notebook that uses CUDA. Ops whose nondeterminism is in the backward pass count only
 * when the notebook trains. Ops that deterministic mode switches to a deterministic kernel are
 * fine once {@code torch.use_deterministic_algorithms(True)} runs; ops it makes raise are
 * always reported: bitwise reproduction on a GPU is impossible with them, and the job needs a
 * declared tolerance.
 */
@RuleInfo(id = "LS308", name = "nondeterministic-op", category = Category.RANDOMNESS,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "ops documented as nondeterministic on CUDA (index_add_, scatter_add_, bincount, ctc_loss, "
                + "embedding_bag, interpolation backward, ...): bitwise reproduction is impossible on GPU, a tolerance "
                + "must be declared")
public final class NondeterministicOp implements Rule {

    @Override
    public void check(RuleContext context) {
        if (!context.notebook().imports().imports("torch")) {
            return;
        }
        CudaUsage cuda = CudaUsage.of(context.notebook());
        if (!cuda.usesCuda()) {
            return;
        }
        for (CallSite call : context.notebook().calls()) {
            CudaNondeterministicOps.Op op = CudaNondeterministicOps.match(call);
            if (op == null) {
                continue;
            }
            boolean backward = op.phase() == CudaNondeterministicOps.Phase.BACKWARD;
            if (backward && !cuda.trains()) {
                continue;
            }
            String shown = (call.qualifiedName() != null ? call.qualifiedName() : call.methodName()) + "()"
                    + (op.qualifier().isEmpty() ? "" : " with " + op.qualifier());
            String subject = (backward ? "the backward pass of " : "") + shown;
            if (op.mode() == CudaNondeterministicOps.UnderDeterministicMode.DETERMINISTIC) {
                if (!cuda.deterministicMode()) {
                    context.report(call.cell(), call.node(), subject + " uses atomic adds on CUDA, so results can "
                            + "differ run to run: enable torch.use_deterministic_algorithms(True) or declare a tolerance "
                            + "in lockstep.yaml");
                }
            } else {
                context.report(call.cell(), call.node(), subject + " has no deterministic CUDA kernel "
                        + "(use_deterministic_algorithms(True) makes it raise), so results can differ run to run: "
                        + "declare a tolerance in lockstep.yaml for the outputs it affects");
            }
        }
    }
}
