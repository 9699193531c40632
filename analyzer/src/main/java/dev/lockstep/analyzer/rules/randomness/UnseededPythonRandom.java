package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.analyzer.rules.Fixes;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.Set;

/** LS301: draws from Python's global {@code random} generator that no seed precedes. */
@RuleInfo(id = "LS301", name = "unseeded-python-random", category = Category.RANDOMNESS,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "random.* draws with no random.seed before them")
public final class UnseededPythonRandom implements Rule {

    /** Functions of the random module that draw from the shared global generator. */
    static final Set<String> DRAWS = Set.of("random", "randint", "randrange", "choice", "choices", "shuffle", "sample",
            "uniform", "gauss", "normalvariate", "lognormvariate", "expovariate", "betavariate", "gammavariate",
            "triangular", "vonmisesvariate", "paretovariate", "weibullvariate", "getrandbits", "randbytes",
            "binomialvariate");

    @Override
    public void check(RuleContext context) {
        Seeding seeding = Seeding.of(context.notebook());
        for (CallSite call : context.notebook().calls()) {
            String name = call.qualifiedName();
            if (name == null || !name.startsWith("random.")) {
                continue;
            }
            String function = name.substring("random.".length());
            if (function.equals("Random") && call.positional().isEmpty() && call.keywords().isEmpty()) {
                context.report(call.cell(), call.node(), "random.Random() without a seed starts from OS entropy: "
                        + "pass a seed, e.g. random.Random(SEED)", Fixes.addFirstArgument(call, Fix.SEED_NAME));
            } else if (DRAWS.contains(function) && !seeding.isSeededBefore(call, Seeding.Generator.PYTHON)) {
                context.report(call.cell(), call.node(), "random." + function
                        + "() draws from Python's global generator, which no random.seed(...) precedes: "
                        + "each run gives different values");
            }
        }
    }
}
