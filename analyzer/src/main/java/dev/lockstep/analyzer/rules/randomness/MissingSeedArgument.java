package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * LS305: calls whose API takes a seed but got none. scikit-learn estimators, splitters and
 * functions left at {@code random_state=None} (the global NumPy RNG: repeated only if every call
 * before runs in the same order), pandas {@code .sample()} on a pandas object, and Hugging Face
 * datasets' {@code shuffle()} / {@code train_test_split()}.
 *
 * <p>Only where the seed changes the result: {@code KFold} only with {@code shuffle=True},
 * {@code LogisticRegression} only with a sag/saga/liblinear solver, {@code PCA} only with the
 * randomized or arpack solver, {@code SVC} only with {@code probability=True}. An argument
 * that analysis cannot read (a variable solver, {@code **kwargs}) silences the rule.
 */
@RuleInfo(id = "LS305", name = "missing-seed-argument", category = Category.RANDOMNESS,
        severity = Severity.WARNING, remedy = Remedy.FIXED,
        summary = "calls whose API takes a seed but got none: scikit-learn random_state (train_test_split, shuffling "
                + "splitters, ensembles, KMeans...), pandas sample, datasets shuffle")
public final class MissingSeedArgument implements Rule {

    /** When random_state changes the result of a scikit-learn call. */
    @FunctionalInterface
    private interface Condition {
        /** A description of the random configuration ("shuffle=True"), "" when always, null when not random. */
        String random(CallSite call, Values values);
    }

    private static final Condition ALWAYS = (call, values) -> "";

    /** scikit-learn callables by simple name, and when their random_state matters. */
    private static final Map<String, Condition> SKLEARN = scikitLearnConditions();

    private static Map<String, Condition> scikitLearnConditions() {
        Map<String, Condition> conditions = new HashMap<>();
        for (String name : Set.of("ShuffleSplit", "StratifiedShuffleSplit", "GroupShuffleSplit", "RepeatedKFold",
                "RepeatedStratifiedKFold", "RandomizedSearchCV", "HalvingRandomSearchCV", "RandomForestClassifier",
                "RandomForestRegressor", "ExtraTreesClassifier", "ExtraTreesRegressor", "RandomTreesEmbedding",
                "GradientBoostingClassifier", "GradientBoostingRegressor", "HistGradientBoostingClassifier",
                "HistGradientBoostingRegressor", "DecisionTreeClassifier", "DecisionTreeRegressor", "ExtraTreeClassifier",
                "ExtraTreeRegressor", "BaggingClassifier", "BaggingRegressor", "AdaBoostClassifier", "AdaBoostRegressor",
                "IsolationForest", "MLPClassifier", "MLPRegressor", "MiniBatchKMeans", "BisectingKMeans",
                "GaussianMixture", "BayesianGaussianMixture", "TruncatedSVD", "TSNE", "permutation_importance",
                "make_classification", "make_blobs", "make_regression", "make_multilabel_classification",
                "make_gaussian_quantiles", "make_hastie_10_2", "make_friedman1", "make_friedman2", "make_friedman3",
                "make_s_curve", "make_swiss_roll", "make_low_rank_matrix", "make_sparse_uncorrelated",
                "make_biclusters", "make_checkerboard", "resample")) {
            conditions.put(name, ALWAYS);
        }
        conditions.put("shuffle", ALWAYS); // sklearn.utils.shuffle (matched with its module below)
        conditions.put("train_test_split", (call, values) -> isFalse(call, "shuffle", values) ? null : "");
        for (String name : Set.of("KFold", "StratifiedKFold", "GroupKFold", "StratifiedGroupKFold")) {
            conditions.put(name, (call, values) -> isTrue(call, "shuffle", values) ? "shuffle=True" : null);
        }
        for (String name : Set.of("LogisticRegression", "LogisticRegressionCV")) {
            conditions.put(name, (call, values) -> oneOf(call, "solver", values, "sag", "saga", "liblinear"));
        }
        for (String name : Set.of("SGDClassifier", "SGDRegressor", "SGDOneClassSVM", "Perceptron",
                "PassiveAggressiveClassifier", "PassiveAggressiveRegressor")) {
            conditions.put(name, (call, values) ->
                    isFalse(call, "shuffle", values) && !isTrue(call, "early_stopping", values) ? null : "");
        }
        conditions.put("KMeans", (call, values) -> {
            SyntaxNode init = call.keyword("init");
            return init == null || values.of(call.cell(), init).plainString() != null ? "" : null;
        });
        conditions.put("PCA", (call, values) -> oneOf(call, "svd_solver", values, "randomized", "arpack"));
        conditions.put("KernelPCA", (call, values) -> oneOf(call, "eigen_solver", values, "randomized", "arpack"));
        conditions.put("NMF", (call, values) -> {
            String init = oneOf(call, "init", values, "random", "nndsvdar");
            return init != null ? init : isTrue(call, "shuffle", values) ? "shuffle=True" : null;
        });
        for (String name : Set.of("SVC", "NuSVC")) {
            conditions.put(name, (call, values) -> isTrue(call, "probability", values) ? "probability=True" : null);
        }
        conditions.put("IterativeImputer", (call, values) -> {
            if (isTrue(call, "sample_posterior", values)) {
                return "sample_posterior=True";
            }
            SyntaxNode nearest = call.keyword("n_nearest_features");
            if (nearest != null && !Values.literal(nearest).isNone()) {
                return "n_nearest_features";
            }
            return oneOf(call, "imputation_order", values, "random");
        });
        for (String name : Set.of("make_moons", "make_circles")) {
            conditions.put(name, (call, values) -> {
                SyntaxNode noise = call.keyword("noise");
                boolean noisy = noise != null && !Values.literal(noise).isNone();
                return isFalse(call, "shuffle", values) && !noisy ? null : "";
            });
        }
        conditions.put("DummyClassifier", (call, values) -> oneOf(call, "strategy", values, "stratified", "uniform"));
        return Map.copyOf(conditions);
    }

    private static boolean isTrue(CallSite call, String keyword, Values values) {
        SyntaxNode value = call.keyword(keyword);
        return value != null && values.of(call.cell(), value).isTrue();
    }

    private static boolean isFalse(CallSite call, String keyword, Values values) {
        SyntaxNode value = call.keyword(keyword);
        return value != null && values.of(call.cell(), value).isFalse();
    }

    /** "keyword='value'" when the keyword is one of the given strings, else null. */
    private static String oneOf(CallSite call, String keyword, Values values, String... accepted) {
        SyntaxNode value = call.keyword(keyword);
        String text = value == null ? null : values.of(call.cell(), value).plainString();
        for (String a : accepted) {
            if (a.equals(text)) {
                return keyword + "='" + a + "'";
            }
        }
        return null;
    }

    @Override
    public void check(RuleContext context) {
        Values values = context.notebook().facts().values();
        for (CallSite call : context.notebook().calls()) {
            if (call.hasStarArgs()) {
                continue; // the seed may be among the hidden arguments
            }
            String name = call.qualifiedName();
            if (name != null && name.startsWith("sklearn.")) {
                checkScikitLearn(context, values, call, name);
            } else if (name == null && "sample".equals(call.methodName()) && isFrom(call, "pandas.")) {
                SyntaxNode seed = call.argument(4, "random_state");
                if (missing(seed, call.cell(), values)) {
                    context.report(call.cell(), call.node(), ".sample() on a pandas object without random_state= "
                            + "draws from NumPy's global RNG: pass random_state=SEED",
                            Fixes.setKeyword(call, "random_state", Fix.SEED_NAME));
                }
            } else if (name == null && (isFrom(call, "datasets.") || likelyDataset(context, call))) {
                checkDatasets(context, values, call);
            }
        }
    }

    /**
     * A receiver analysis cannot trace (a function parameter, an element of a dict) in a notebook
     * that uses Hugging Face datasets, called with the datasets signature: {@code train_test_split}
     * with {@code test_size=}/{@code train_size=}, or {@code shuffle()} with no positional argument
     * (tf.data's takes a buffer size; NumPy's and Python's are functions, not methods).
     */
    private static boolean likelyDataset(RuleContext context, CallSite call) {
        if (call.receiverOrigin() != null || call.receiver() == null || !context.notebook().imports().imports("datasets")) {
            return false;
        }
        if ("train_test_split".equals(call.methodName())) {
            return call.hasKeyword("test_size") || call.hasKeyword("train_size");
        }
        return "shuffle".equals(call.methodName()) && call.positional().isEmpty() && !call.hasKeyword("buffer_size");
    }

    private static boolean isFrom(CallSite call, String prefix) {
        return call.receiverOrigin() != null && call.receiverOrigin().startsWith(prefix);
    }

    private static void checkScikitLearn(RuleContext context, Values values, CallSite call, String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        Condition condition = SKLEARN.get(last);
        if (condition == null || (last.equals("shuffle") && !name.equals("sklearn.utils.shuffle"))) {
            return;
        }
        if (!missing(call.keyword("random_state"), call.cell(), values)) {
            return;
        }
        String configuration = condition.random(call, values);
        if (configuration == null) {
            return;
        }
        String shown = (name.equals("sklearn.utils.shuffle") ? "sklearn.utils.shuffle" : last) + "(" + configuration + ")";
        context.report(call.cell(), call.node(), shown + " without random_state= draws from NumPy's global RNG, "
                + "so results change from run to run: pass random_state=SEED",
                Fixes.setKeyword(call, "random_state", Fix.SEED_NAME));
    }

    private static void checkDatasets(RuleContext context, Values values, CallSite call) {
        String method = call.methodName();
        if ("shuffle".equals(method)) {
            if (call.positional().isEmpty() && missing(call.keyword("seed"), call.cell(), values)
                    && missing(call.keyword("seeds"), call.cell(), values)
                    && missing(call.keyword("generator"), call.cell(), values)
                    && missing(call.keyword("generators"), call.cell(), values)) {
                context.report(call.cell(), call.node(), "Dataset.shuffle() without seed= builds its permutation from "
                        + "hidden NumPy state: pass seed=SEED", Fixes.setKeyword(call, "seed", Fix.SEED_NAME));
            }
        } else if ("train_test_split".equals(method)) {
            if (!isFalse(call, "shuffle", values) && missing(call.argument(4, "seed"), call.cell(), values)
                    && missing(call.keyword("generator"), call.cell(), values)) {
                context.report(call.cell(), call.node(), "Dataset.train_test_split() without seed= splits differently "
                        + "on every run: pass seed=SEED", Fixes.setKeyword(call, "seed", Fix.SEED_NAME));
            }
        }
    }

    /** Whether a seed argument is absent or literally None. */
    private static boolean missing(SyntaxNode seed, AnalyzedCell cell, Values values) {
        if (seed == null) {
            return true;
        }
        return values.of(cell, seed).isNone();
    }
}
