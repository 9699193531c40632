package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Located;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Fixes;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.Set;

/**
 * LS306: a PyTorch {@code DataLoader} whose order or worker seeds come from the unseeded global
 * torch generator: {@code shuffle=True} or a random sampler without {@code generator=}, and
 * {@code num_workers > 0} without a {@code worker_init_fn} or {@code generator=}.
 *
 * <p>The loader draws its sampler seed and its workers' base seed from the global generator
 * when it gets no {@code generator=}, and it does so when it is iterated, not when it is made:
 * a {@code torch.manual_seed} anywhere in code that runs (before the loader, or inside the
 * training function that iterates it, or a Trainer that seeds itself) makes a top-to-bottom run
 * repeatable and silences the rule. A
 * {@code TensorDataset} draws nothing in its workers.
 */
@RuleInfo(id = "LS306", name = "unseeded-data-loader", category = Category.RANDOMNESS,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "DataLoader(shuffle=True) or a random sampler without generator=; num_workers>0 without a worker seed")
public final class UnseededDataLoader implements Rule {

    static final Set<String> DATA_LOADERS = Set.of("torch.utils.data.DataLoader",
            "torch.utils.data.dataloader.DataLoader");
    static final Set<String> RANDOM_SAMPLERS = Set.of("RandomSampler", "SubsetRandomSampler", "WeightedRandomSampler");

    @Override
    public void check(RuleContext context) {
        if (!context.notebook().imports().imports("torch")) {
            return;
        }
        Seeding seeding = Seeding.of(context.notebook());
        AnalyzedNotebook notebook = context.notebook();
        for (CallSite call : context.notebook().calls()) {
            if (call.hasStarArgs() || call.hasKeyword("generator")) {
                continue;
            }
            String name = call.qualifiedName();
            if (name == null) {
                continue;
            }
            String last = name.substring(name.lastIndexOf('.') + 1);
            if (name.startsWith("torch.utils.data.") && RANDOM_SAMPLERS.contains(last)) {
                if (!seeding.isSeededBefore(call, Seeding.Generator.TORCH)) {
                    context.report(call.cell(), call.node(), last + "(...) without generator= draws its indices from "
                            + "the global torch generator, with no torch.manual_seed(...) before it: pass "
                            + "generator=torch.Generator().manual_seed(SEED)",
                            Fixes.setKeyword(call, "generator", "lockstep_generator()"));
                }
            } else if (DATA_LOADERS.contains(name)) {
                checkLoader(context, seeding, notebook, call);
            }
        }
    }

    private static void checkLoader(RuleContext context, Seeding seeding, AnalyzedNotebook notebook, CallSite call) {
        SyntaxNode shuffle = call.argument(2, "shuffle");
        boolean shuffles = shuffle != null && notebook.facts().values().of(call.cell(), shuffle).isTrue();
        SyntaxNode workers = call.keyword("num_workers");
        Double count = workers == null ? null : notebook.facts().values().of(call.cell(), workers).number();
        boolean unseededWorkers = count != null && count > 0 && !call.hasKeyword("worker_init_fn")
                && datasetDraws(notebook, call);
        if ((!shuffles && !unseededWorkers) || seeding.isSeededBefore(call, Seeding.Generator.TORCH)
                || seeding.seedsAnywhere(Seeding.Generator.TORCH)) {
            return; // the loader draws when it is iterated: a seed set later (in the training function) still comes first
        }
        String problem = shuffles && unseededWorkers
                ? "DataLoader(shuffle=True, num_workers=" + count.intValue() + ") without generator= or worker_init_fn "
                        + "draws its batch order and worker seeds"
                : shuffles ? "DataLoader(shuffle=True) without generator= draws its batch order"
                : "DataLoader(num_workers=" + count.intValue() + ") without generator= or worker_init_fn draws its "
                        + "worker seeds";
        String arguments = "generator=lockstep_generator()" + (unseededWorkers ? ", worker_init_fn=lockstep_seed_worker" : "");
        context.report(call.cell(), call.node(), problem + " from the global torch generator, with no "
                + "torch.manual_seed(...) before it: pass generator=torch.Generator().manual_seed(SEED)"
                + (unseededWorkers ? " and a worker_init_fn that seeds numpy and random" : ""),
                Fixes.insertArgument(call, arguments, "pass " + arguments));
    }

    /**
     * Whether the loader's dataset is known to draw random numbers in its workers: a notebook
     * class whose methods draw, or a dataset given random transforms ({@code RandomCrop},
     * {@code ColorJitter}, albumentations...). A dataset analysis cannot see into is not
     * reported: most validation and tensor datasets draw nothing, and worker seeds do not
     * matter to them.
     */
    private static boolean datasetDraws(AnalyzedNotebook notebook, CallSite call) {
        SyntaxNode dataset = call.argument(0, "dataset");
        if (dataset == null) {
            return false;
        }
        Located made = notebook.facts().values().bindings().constructingCall(call.cell(), dataset);
        if (made == null) {
            return false;
        }
        SyntaxNode callee = made.node().child("function");
        if (callee != null && callee.is("identifier") && notebook.qualify(made.cell(), callee) == null
                && classDraws(notebook, callee.text())) {
            return true;
        }
        SyntaxNode arguments = made.node().child("arguments");
        if (arguments == null) {
            return false;
        }
        for (SyntaxNode argument : arguments.namedChildren()) {
            SyntaxNode value = argument.is("keyword_argument") ? argument.child("value") : argument;
            if (value == null) {
                continue;
            }
            Located resolved = value.is("identifier") ? notebook.facts().values().bindings().assigned(made.cell(), value)
                    : new Located(made.cell(), value);
            if (resolved != null && containsRandomTransform(notebook, resolved)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a notebook class has a method that draws from random, numpy or torch. */
    private static boolean classDraws(AnalyzedNotebook notebook, String className) {
        for (Located definition : notebook.facts().values().bindings().classDefinitions(className)) {
            for (SyntaxNode node : definition.node().find(n -> n.is("call"))) {
                String name = notebook.qualify(definition.cell(), node.child("function"));
                if (name != null && (name.startsWith("random.") || name.startsWith("numpy.random.")
                        || TorchModels.DRAWS.contains(name) || isRandomTransform(name))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsRandomTransform(AnalyzedNotebook notebook, Located expression) {
        for (SyntaxNode node : expression.node().find(n -> n.is("call"))) {
            String name = notebook.qualify(expression.cell(), node.child("function"));
            if (name != null && isRandomTransform(name)) {
                return true;
            }
        }
        return false;
    }

    /** torchvision/albumentations transforms that draw (Random*, ColorJitter, AutoAugment...). */
    static boolean isRandomTransform(String qualifiedName) {
        String last = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        if (qualifiedName.startsWith("albumentations.")) {
            return !Set.of("Compose", "Normalize", "Resize", "ToFloat", "CenterCrop", "PadIfNeeded", "LongestMaxSize",
                    "SmallestMaxSize", "ToTensorV2").contains(last);
        }
        return (qualifiedName.startsWith("torchvision.") || qualifiedName.startsWith("torchaudio.")
                || qualifiedName.startsWith("monai."))
                && (last.startsWith("Random") || Set.of("ColorJitter", "GaussianBlur", "RandAugment", "AutoAugment",
                        "TrivialAugmentWide", "AugMix", "ElasticTransform").contains(last));
    }
}
