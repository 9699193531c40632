package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Bindings;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * LS303: randomness from the global torch generator with no {@code torch.manual_seed} before it:
 * explicit draws, random weight initialisation (layers, containers, the notebook's own module
 * classes where they are instantiated, new Hugging Face heads, {@code get_peft_model}), and
 * models with dropout run in training mode, and sampled generation ({@code generate(do_sample=True)}).
 */
@RuleInfo(id = "LS303", name = "unseeded-torch", category = Category.RANDOMNESS,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "torch draws and weight initialisation (model construction, get_peft_model, dropout in training) "
                + "with no torch.manual_seed before")
public final class UnseededTorch implements Rule {

    private static final String FIX = "with no torch.manual_seed(...) before it: call torch.manual_seed(SEED) first";

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        if (!notebook.imports().imports("torch") && !notebook.imports().imports("peft")
                && !notebook.imports().imports("transformers") && !notebook.imports().imports("torchvision")
                && !notebook.imports().imports("timm")) {
            return;
        }
        Seeding seeding = Seeding.of(notebook);
        TorchModels models = TorchModels.of(notebook);
        for (CallSite call : notebook.calls()) {
            if (models.inClassConstruction(call)) {
                continue; // happens where the class is instantiated, which is reported instead
            }
            if (samples(call)) {
                if (!seeding.isSeededBefore(call, Seeding.Generator.TORCH)) {
                    context.report(call.cell(), call.node(), (call.methodName() != null ? call.methodName() : "pipeline")
                            + "(do_sample=True) samples tokens from the global torch generator, so the text and any "
                            + "metric computed from it change from run to run, " + FIX);
                }
                continue;
            }
            String draw = models.draw(call);
            if (draw == null && models.isFunctionalDropout(call) && !models.inClassMethod(call)) {
                draw = call.qualifiedName() + "()";
            }
            if (draw != null) {
                if (!seeding.isSeededBefore(call, Seeding.Generator.TORCH)) {
                    context.report(call.cell(), call.node(), draw + " draws from the global torch generator " + FIX);
                }
                continue;
            }
            String construction = models.randomConstruction(call);
            if (construction != null && !insideRandomConstruction(models, call) && !weightsLoadedLater(notebook, call)
                    && !seeding.isSeededBefore(call, Seeding.Generator.TORCH)) {
                context.report(call.cell(), call.node(), construction + " " + FIX);
            }
        }
        reportDropoutInTraining(context, seeding, models);
    }

    /** Sampled generation: {@code model.generate(..., do_sample=True)} or a pipeline call with it. */
    private static boolean samples(CallSite call) {
        SyntaxNode sample = call.keyword("do_sample");
        if (sample == null || !sample.is("true")) {
            return false;
        }
        return "generate".equals(call.methodName()) || call.qualifiedName() == null
                || call.qualifiedName().startsWith("transformers.");
    }

    /**
     * Whether the model built by the call is bound to a name whose weights are then all
     * replaced ({@code model.load_state_dict(torch.load(...))}, not with {@code strict=False}):
     * the random initial weights never reach a result.
     */
    private static boolean weightsLoadedLater(AnalyzedNotebook notebook, CallSite construction) {
        SyntaxNode bound = boundName(construction.node());
        if (bound == null) {
            return false;
        }
        for (CallSite call : notebook.calls()) {
            if ("load_state_dict".equals(call.methodName()) && call.receiver() != null
                    && call.receiver().is("identifier") && call.receiver().text().equals(bound.text())
                    && (call.keyword("strict") == null || !Values.literal(call.keyword("strict")).isFalse())
                    && !call.hasStarArgs()
                    && (call.cell().index() > construction.cell().index()
                            || (call.cell().index() == construction.cell().index()
                                    && call.node().startOffset() > construction.node().startOffset()))) {
                return true;
            }
        }
        return false;
    }

    /** The name a construction is assigned to, looking through {@code .to(device)} and the like. */
    private static SyntaxNode boundName(SyntaxNode call) {
        SyntaxNode value = call;
        for (SyntaxNode parent = call.parent(); parent != null; value = parent, parent = parent.parent()) {
            if (parent.is("attribute") && parent.child("object") == value && parent.child("attribute") != null
                    && Bindings.SAME_OBJECT_METHODS.contains(parent.child("attribute").text())) {
                continue;
            }
            if (parent.is("call") && parent.child("function") == value) {
                continue;
            }
            if (parent.is("assignment") && parent.child("right") == value && parent.child("left") != null
                    && parent.child("left").is("identifier")) {
                return parent.child("left");
            }
            return null;
        }
        return null;
    }

    /** A layer built as an argument of a container or model that is itself reported. */
    private static boolean insideRandomConstruction(TorchModels models, CallSite call) {
        for (SyntaxNode n = call.node().parent(); n != null; n = n.parent()) {
            if (n.is("call")) {
                CallSite outer = models.callAt(n);
                if (outer != null && models.randomConstruction(outer) != null) {
                    return true;
                }
            }
            if (n.is("function_definition") || n.is("class_definition") || n.is("lambda")) {
                return false;
            }
        }
        return false;
    }

    /**
     * Forward calls of a model with dropout in training mode: in a loop or function that runs
     * {@code .backward()}, or after {@code model.train()}. One finding per model and cell.
     */
    private static void reportDropoutInTraining(RuleContext context, Seeding seeding, TorchModels models) {
        AnalyzedNotebook notebook = context.notebook();
        Set<String> reported = new HashSet<>();
        for (CallSite call : notebook.calls()) {
            SyntaxNode model = forwardedModel(call);
            if (model == null || models.userClass(call) != null) {
                continue;
            }
            String key = call.cell().index() + ":" + model.text();
            if (reported.contains(key)) {
                continue;
            }
            TorchModels.Dropout dropout = models.dropout(call.cell(), model);
            if (dropout == TorchModels.Dropout.NONE) {
                continue;
            }
            Boolean explicitMode = lastModeCall(notebook, call, model.text());
            boolean trainingMode = explicitMode != null ? explicitMode : dropout == TorchModels.Dropout.ACTIVE;
            if (!trainingMode || (explicitMode == null && !inBackwardRegion(call.node()))) {
                continue;
            }
            if (seeding.isSeededBefore(call, Seeding.Generator.TORCH)) {
                continue;
            }
            reported.add(key);
            context.report(call.cell(), call.node(), model.text() + "(...) runs a model with dropout in training mode, "
                    + "whose masks come from the global torch generator, " + FIX);
        }
    }

    /** The model a call runs forward: {@code model(x)} or {@code model.forward(x)}. */
    private static SyntaxNode forwardedModel(CallSite call) {
        if (call.qualifiedName() != null) {
            return null;
        }
        SyntaxNode callee = call.callee();
        if (callee != null && callee.is("identifier") && call.receiver() == null) {
            return callee;
        }
        if ("forward".equals(call.methodName()) && call.receiver() != null && call.receiver().is("identifier")) {
            return call.receiver();
        }
        return null;
    }

    /**
     * The mode set by the last {@code name.train()} / {@code name.eval()} above the call in
     * document order: true for training, false for evaluation, null when there is none.
     */
    private static Boolean lastModeCall(AnalyzedNotebook notebook, CallSite forward, String name) {
        Boolean mode = null;
        for (CallSite call : notebook.calls()) {
            if (call.cell().index() > forward.cell().index() || (call.cell().index() == forward.cell().index()
                    && call.node().startOffset() >= forward.node().startOffset())) {
                break;
            }
            if (call.receiver() == null || !call.receiver().is("identifier") || !call.receiver().text().equals(name)) {
                continue;
            }
            if ("eval".equals(call.methodName())) {
                mode = false;
            } else if ("train".equals(call.methodName())) {
                SyntaxNode flag = call.argument(0, "mode");
                mode = flag == null || !Values.literal(flag).isFalse();
            }
        }
        return mode;
    }

    /** Whether an enclosing loop or function of the node also runs a {@code .backward()} call. */
    private static boolean inBackwardRegion(SyntaxNode node) {
        for (SyntaxNode n = node.parent(); n != null; n = n.parent()) {
            if (n.is("for_statement") || n.is("while_statement") || n.is("function_definition")) {
                boolean backward = !n.find(c -> c.is("call") && c.child("function") != null
                        && c.child("function").is("attribute") && c.child("function").child("attribute") != null
                        && c.child("function").child("attribute").text().equals("backward")).isEmpty();
                if (backward) {
                    return true;
                }
            }
        }
        return false;
    }
}
