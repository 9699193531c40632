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
import java.util.Set;

/**
 * LS302: draws from NumPy's global {@code RandomState} that no {@code np.random.seed} precedes,
 * and generators created without a seed ({@code default_rng()}, {@code RandomState()}, a bare
 * bit generator). {@code np.random.seed} does not reach {@code Generator} instances, so an
 * unseeded {@code default_rng()} is reported whatever seeds come before it.
 */
@RuleInfo(id = "LS302", name = "unseeded-numpy", category = Category.RANDOMNESS,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "NumPy global-RNG draws with no np.random.seed before; default_rng() / RandomState() with no seed")
public final class UnseededNumpy implements Rule {

    /** Module-level functions of numpy.random: aliases of the global RandomState's methods. */
    static final Set<String> LEGACY_DRAWS = Set.of("rand", "randn", "randint", "random_integers", "random",
            "random_sample", "ranf", "sample", "choice", "bytes", "shuffle", "permutation", "beta", "binomial",
            "chisquare", "dirichlet", "exponential", "f", "gamma", "geometric", "gumbel", "hypergeometric", "laplace",
            "logistic", "lognormal", "logseries", "multinomial", "multivariate_normal", "negative_binomial",
            "noncentral_chisquare", "noncentral_f", "normal", "pareto", "poisson", "power", "rayleigh",
            "standard_cauchy", "standard_exponential", "standard_gamma", "standard_normal", "standard_t", "triangular",
            "uniform", "vonmises", "wald", "weibull", "zipf");

    /** Constructors that take a seed as their first argument and start from OS entropy without one. */
    static final Set<String> SEEDED_CONSTRUCTORS = Set.of("default_rng", "RandomState", "PCG64", "PCG64DXSM",
            "MT19937", "Philox", "SFC64", "SeedSequence");

    @Override
    public void check(RuleContext context) {
        if (!context.notebook().imports().imports("numpy")) {
            return;
        }
        Seeding seeding = Seeding.of(context.notebook());
        for (CallSite call : context.notebook().calls()) {
            String name = call.qualifiedName();
            if (name == null || !name.startsWith("numpy.random.")) {
                continue;
            }
            String function = name.substring("numpy.random.".length());
            if (SEEDED_CONSTRUCTORS.contains(function)) {
                if (!hasSeed(call)) {
                    context.report(call.cell(), call.node(), "np.random." + function + "() without a seed starts from "
                            + "fresh OS entropy on every run (np.random.seed does not reach it): pass a seed, e.g. np.random."
                            + function + "(SEED)", seedFix(call));
                }
            } else if (LEGACY_DRAWS.contains(function)
                    && !seeding.isSeededBefore(call, Seeding.Generator.NUMPY)) {
                // One generator, one missing seed: every unseeded draw from it is one finding (at the first).
                context.reportOnce(call.cell(), call.node(), "global RandomState", "np.random." + function
                        + "() draws from NumPy's global RandomState with no np.random.seed(...) before it: seed it "
                        + "first, or draw from np.random.default_rng(SEED)");
            }
        }
    }

    /** The job's seed in place of an explicit None ({@code default_rng(seed=None)}), or as the first argument. */
    private static Fix seedFix(CallSite call) {
        SyntaxNode none = seedArgument(call);
        return none != null ? Fixes.replace(none, Fix.SEED_NAME, "pass " + Fix.SEED_NAME)
                : Fixes.addFirstArgument(call, Fix.SEED_NAME);
    }

    /** Whether the constructor gets a seed (or arguments that may hold one). */
    private static boolean hasSeed(CallSite call) {
        if (call.hasStarArgs()) {
            return true;
        }
        SyntaxNode seed = seedArgument(call);
        return seed != null && !Values.literal(seed).isNone();
    }

    /** The argument a constructor takes its seed from (SeedSequence calls it entropy), or null. */
    private static SyntaxNode seedArgument(CallSite call) {
        return call.argument(0, call.qualifiedName().endsWith("SeedSequence") ? "entropy" : "seed");
    }
}
