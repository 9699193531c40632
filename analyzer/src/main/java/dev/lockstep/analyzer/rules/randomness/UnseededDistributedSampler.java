package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
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
import java.util.HashSet;
import java.util.Set;

/**
 * LS312: a shuffling {@code DistributedSampler} whose epochs are run by the notebook's own loop
 * without {@code set_epoch}: it shuffles with {@code seed + epoch}, so every epoch repeats the
 * first one's order, and a launcher that manages epochs (Lightning, Accelerate, the HF Trainer
 * all call {@code set_epoch}) gives a different order than the notebook did.
 *
 * <p>A sampler without {@code seed=} is not reported: the seed defaults to 0 on every rank, so
 * the order is already fixed (the same reasoning that leaves {@code TrainingArguments}' default
 * seed alone). Loaders handed to a framework ({@code trainer.fit(...)},
 * {@code accelerator.prepare(...)}) get {@code set_epoch} from it; any {@code set_epoch} call in
 * the notebook is taken as handling it.
 */
@RuleInfo(id = "LS312", name = "unseeded-distributed-sampler", category = Category.RANDOMNESS,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "DistributedSampler without seed, or without set_epoch in the epoch loop")
public final class UnseededDistributedSampler implements Rule {

    static final Set<String> SAMPLERS = Set.of("torch.utils.data.DistributedSampler",
            "torch.utils.data.distributed.DistributedSampler");
    /** Methods that hand a loader to a framework that manages epochs. */
    static final Set<String> FRAMEWORK_METHODS = Set.of("fit", "prepare", "prepare_data_loader", "validate", "test",
            "predict", "setup_dataloaders");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        boolean setsEpoch = notebook.calls().stream().anyMatch(c -> "set_epoch".equals(c.methodName()));
        if (setsEpoch) {
            return;
        }
        Values values = notebook.facts().values();
        for (CallSite call : notebook.calls()) {
            if (!call.is(SAMPLERS.toArray(String[]::new)) || call.hasStarArgs()) {
                continue;
            }
            SyntaxNode shuffle = call.keyword("shuffle");
            if (shuffle != null && !values.of(call.cell(), shuffle).isTrue()) {
                continue; // shuffle=False, or a value analysis cannot read
            }
            Set<String> names = boundNames(notebook, call);
            if (handedToFramework(notebook, names) || !iteratedInNestedLoop(notebook, names)) {
                continue;
            }
            context.report(call.cell(), call.node(), "DistributedSampler shuffles with seed + epoch, and the epoch loop "
                    + "never calls sampler.set_epoch(epoch): every epoch repeats the same order; call it at the start "
                    + "of each epoch");
        }
    }

    /** The sampler's name and the names of loaders built with it. */
    private static Set<String> boundNames(AnalyzedNotebook notebook, CallSite sampler) {
        Set<String> names = new HashSet<>();
        String samplerName = assignedName(sampler.node());
        if (samplerName != null) {
            names.add(samplerName);
        }
        for (CallSite call : notebook.calls()) {
            if (!call.is(UnseededDataLoader.DATA_LOADERS.toArray(String[]::new))) {
                continue;
            }
            SyntaxNode argument = call.keyword("sampler");
            if (argument == null) {
                continue;
            }
            boolean usesSampler = argument == sampler.node()
                    || (argument.is("identifier") && samplerName != null && argument.text().equals(samplerName));
            String loaderName = assignedName(call.node());
            if (usesSampler && loaderName != null) {
                names.add(loaderName);
            }
        }
        return names;
    }

    private static String assignedName(SyntaxNode call) {
        SyntaxNode parent = call.parent();
        if (parent != null && parent.is("assignment") && parent.child("right") == call) {
            SyntaxNode left = parent.child("left");
            return left != null && left.is("identifier") ? left.text() : null;
        }
        return null;
    }

    private static boolean handedToFramework(AnalyzedNotebook notebook, Set<String> names) {
        for (CallSite call : notebook.calls()) {
            if (call.methodName() == null || !FRAMEWORK_METHODS.contains(call.methodName())) {
                continue;
            }
            for (SyntaxNode argument : call.positional()) {
                if (argument.is("identifier") && names.contains(argument.text())) {
                    return true;
                }
            }
            for (SyntaxNode argument : call.keywords().values()) {
                if (argument.is("identifier") && names.contains(argument.text())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the loader (or the sampler) is iterated by a {@code for} loop inside another loop:
     * the notebook runs its own epochs. A loop in a function counts too (the epoch loop calls it).
     */
    private static boolean iteratedInNestedLoop(AnalyzedNotebook notebook, Set<String> names) {
        for (AnalyzedCell cell : notebook.pythonCells()) {
            boolean[] found = new boolean[1];
            cell.root().walk(node -> {
                if (found[0] || !node.is("for_statement")) {
                    return;
                }
                SyntaxNode iterable = node.child("right");
                boolean overLoader = iterable != null && !iterable.find(n -> n.is("identifier")
                        && names.contains(n.text())).isEmpty();
                boolean nested = node.ancestor("for_statement", "while_statement") != null
                        || node.ancestor("function_definition") != null;
                found[0] = overLoader && nested;
            });
            if (found[0]) {
                return true;
            }
        }
        return false;
    }
}
