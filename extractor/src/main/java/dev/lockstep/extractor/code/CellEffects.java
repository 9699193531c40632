package dev.lockstep.extractor.code;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.Binding;
import dev.lockstep.analyzer.semantics.FunctionSummary;
import dev.lockstep.analyzer.semantics.NameRead;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What running one cell does, as far as slicing cares: the module-level names it reads,
 * binds and may change, the files it writes, the process-wide state it changes, and whether it
 * only displays things. Calls of notebook functions count with their bodies' effects.
 *
 * @param reads         names whose values the cell uses (function bodies it calls included)
 * @param binds         names it binds
 * @param mutates       names whose objects it may change ({@code model.fit(...)}, {@code df["a"] = ...})
 * @param writes        descriptions of file writes, e.g. {@code torch.save}
 * @param globalEffects process-wide changes that later cells feel (seeds, chdir, environment, file system via shell)
 * @param displayOnly   every statement only displays (prints, plots, previews) or binds names for display
 */
public record CellEffects(Set<String> reads, Set<String> binds, Set<String> mutates, List<String> writes,
        List<String> globalEffects, boolean displayOnly) {

    /** Query methods whose result is only looked at: a bare {@code df.head()} displays, it does not compute. */
    private static final Set<String> DISPLAY_METHODS = Set.of("head", "tail", "describe", "info", "value_counts",
            "unique", "nunique", "corr", "cov", "isna", "isnull", "notna", "notnull", "sum", "mean", "median", "std",
            "var", "min", "max", "count", "plot", "hist", "boxplot", "show", "to_string", "round", "memory_usage",
            "nlargest", "nsmallest", "sample", "sort_values", "groupby", "agg", "describe_option", "style", "summary",
            "get_params", "keys", "values", "items", "size", "shape", "dtypes", "columns", "index", "numpy", "item",
            "tolist", "any", "all", "duplicated", "argmax", "argmin", "idxmax", "idxmin", "quantile", "crosstab",
            "pivot_table", "display", "print", "pprint", "imshow", "scatter", "bar", "barh", "legend", "title",
            "xlabel", "ylabel", "figure", "subplots", "tight_layout", "grid", "heatmap", "pairplot", "histplot",
            "lineplot", "scatterplot", "countplot", "violinplot", "set_title", "set_xlabel", "set_ylabel");

    /** Libraries whose calls only display. */
    private static final List<String> DISPLAY_LIBRARIES = List.of("matplotlib.", "seaborn.", "plotly.", "IPython.display.",
            "bokeh.", "altair.", "missingno.", "ydata_profiling.", "pandas_profiling.", "builtins.print", "pprint.",
            "IPython.core.display.");

    /** Functions and attributes that change process-wide state later cells depend on. */
    private static final List<String> GLOBAL_EFFECT_PREFIXES = List.of("random.seed", "numpy.random.seed",
            "torch.manual_seed", "torch.cuda.manual_seed", "torch.use_deterministic_algorithms", "torch.set_",
            "torch.backends.", "tensorflow.random.set_seed", "tensorflow.config.", "tensorflow.keras.utils.set_random_seed",
            "keras.utils.set_random_seed", "transformers.set_seed", "transformers.enable_full_determinism",
            "os.chdir", "os.environ", "os.putenv", "os.makedirs", "os.mkdir", "sys.path", "jax.config.",
            "pytorch_lightning.seed_everything", "lightning.seed_everything", "accelerate.utils.set_seed",
            "numpy.random.set_state", "random.setstate", "torch.set_rng_state", "pathlib.Path.mkdir");

    /** Libraries whose functions compute values without side effects outside the objects passed in. */
    private static final List<String> PURE_LIBRARIES = List.of("numpy.", "pandas.", "math.", "statistics.", "scipy.",
            "sklearn.", "torch.", "tensorflow.", "jax.", "json.", "re.", "collections.", "itertools.", "functools.",
            "operator.", "string.", "textwrap.", "datetime.", "time.", "copy.", "typing.", "dataclasses.",
            "transformers.", "datasets.", "peft.", "os.path.", "pathlib.", "glob.", "random.", "joblib.load",
            "pickle.load", "PIL.", "cv2.");

    /** Whether the call writes a file (the analyzer's I/O catalogue): what a notebook saves is what its job must reproduce. */
    static boolean writes(AnalyzedNotebook notebook, CallSite call) {
        for (dev.lockstep.analyzer.facts.io.IoAccess access : notebook.facts().io().at(call)) {
            if (access.access() == dev.lockstep.analyzer.facts.io.Access.WRITE
                    || access.access() == dev.lockstep.analyzer.facts.io.Access.HUB_PUSH) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDiscarded(CallSite call) {
        SyntaxNode parent = call.node().parent();
        return parent != null && parent.is("expression_statement");
    }

    /** Shell programs that only look at things. */
    private static final Set<String> READ_ONLY_PROGRAMS = Set.of("ls", "cat", "head", "tail", "pwd", "echo", "which",
            "du", "df", "wc", "free", "uname", "env", "nvidia-smi", "tree", "whoami", "hostname", "date", "nproc",
            "lscpu", "python", "python3");

    /** Magics that only affect display or the interactive session. */
    private static final Set<String> DISPLAY_MAGICS = Set.of("matplotlib", "config", "load_ext", "autoreload", "pylab",
            "precision", "pprint", "who", "whos", "history", "lsmagic", "pinfo", "pinfo2", "pdoc", "timeit", "time",
            "xmode", "reload_ext", "aimport", "notebook", "prun", "debug", "pdb", "memit", "mprun", "lprun", "capture",
            "html", "HTML", "javascript", "js", "markdown", "latex", "svg", "display", "tb");

    /** The effects of every Python cell of a notebook, by cell index. */
    public static Map<Integer, CellEffects> of(AnalyzedNotebook notebook) {
        Set<String> writingFunctions = writingFunctions(notebook);
        Map<Integer, CellEffects> effects = new HashMap<>();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            effects.put(cell.index(), forCell(notebook, cell, writingFunctions));
        }
        return effects;
    }

    /** Notebook functions (and classes) whose bodies write files, directly or by calling one that does. */
    private static Set<String> writingFunctions(AnalyzedNotebook notebook) {
        Set<String> writers = new HashSet<>();
        for (CallSite call : notebook.calls()) {
            if (call.owner() != null && writes(notebook, call)) {
                writers.add(call.owner());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AnalyzedCell cell : notebook.pythonCells()) {
                for (FunctionSummary f : cell.semantics().functions().values()) {
                    if (!writers.contains(f.name()) && f.freeReads().stream().anyMatch(writers::contains)) {
                        writers.add(f.name());
                        grew = true;
                    }
                }
            }
        }
        return writers;
    }

    private static CellEffects forCell(AnalyzedNotebook notebook, AnalyzedCell cell, Set<String> writingFunctions) {
        Set<String> reads = new TreeSet<>();
        Set<String> mutates = new TreeSet<>();
        List<String> writes = new ArrayList<>();
        Set<String> globalEffects = new LinkedHashSet<>();
        Set<String> binds = new TreeSet<>();
        for (Binding binding : cell.semantics().bindings()) {
            binds.add(binding.name());
        }
        for (NameRead read : cell.semantics().reads()) {
            reads.add(read.name());
            FunctionSummary function = notebook.function(read.name(), notebook.point(cell, read.node()));
            if (function != null) {
                Set<String> inner = transitiveReads(notebook, function, notebook.point(cell, read.node()));
                reads.addAll(inner);
                mutates.addAll(inner); // a called function may change what it reads
                binds.addAll(function.globalWrites());
                if (writingFunctions.contains(read.name())) {
                    writes.add(read.name() + "() (writes a file)");
                }
            }
        }
        for (CallSite call : notebook.callsIn(cell)) {
            if (call.owner() != null) {
                continue;
            }
            if (writes(notebook, call)) {
                writes.add(call.qualifiedName() != null ? call.qualifiedName() : "." + call.methodName() + "()");
            }
            String name = call.qualifiedName();
            if (name != null && GLOBAL_EFFECT_PREFIXES.stream().anyMatch(name::startsWith)) {
                globalEffects.add(name);
            }
            if (isDisplayCall(call) || (name != null && name.startsWith("builtins."))) {
                continue;
            }
            if (name != null && isDiscarded(call) && !globalEffects.contains(name)
                    && PURE_LIBRARIES.stream().noneMatch(name::startsWith) && !writes(notebook, call)) {
                // A library call made only for what it does, not for a value: a login, a mount, a download.
                globalEffects.add(name + "()");
            }
            // A method call on a variable may change it (model.fit(...)); a module's functions do not change the module.
            String root = name == null ? rootName(call.receiver()) : null;
            if (root != null) {
                mutates.add(root);
            }
            // Arguments may be changed in place (random.shuffle(x), train(model)): over-approximate, slicing keeps more.
            for (SyntaxNode argument : call.positional()) {
                if (argument.is("identifier")) {
                    mutates.add(argument.text());
                }
            }
        }
        cell.root().walk(node -> {
            if ((node.is("assignment") || node.is("augmented_assignment")) && cell.semantics().ownerOf(node) == null) {
                SyntaxNode left = node.child("left");
                if (left != null && (left.is("subscript") || left.is("attribute"))) {
                    String qualified = notebook.qualify(cell, left.is("subscript") ? left.child("value") : left);
                    if (qualified != null) {
                        // Setting a module's attribute (torch.backends.cudnn.benchmark, os.environ[...]) changes the process.
                        globalEffects.add(qualified + (left.is("subscript") ? "[...]" : "") + " = ...");
                        return;
                    }
                    String root = rootName(left);
                    if (root != null) {
                        mutates.add(root);
                    }
                }
            }
        });
        for (Magic magic : cell.magics()) {
            switch (magic.kind()) {
                case SHELL -> {
                    if (!magic.isPipInstall() && !READ_ONLY_PROGRAMS.contains(magic.name())
                            && !(magic.name().startsWith("pip") && !magic.arguments().startsWith("install"))) {
                        globalEffects.add("!" + magic.commandLine());
                    }
                    reads.addAll(magic.referencedNames());
                }
                case LINE_MAGIC -> {
                    if (magic.name().equals("env") && magic.arguments().contains("=") || magic.name().equals("cd")
                            || magic.name().equals("run") || magic.name().equals("store")) {
                        globalEffects.add("%" + magic.commandLine());
                    }
                }
                case CELL_MAGIC -> {
                    if (!magic.bodyIsPython() && !DISPLAY_MAGICS.contains(magic.name())) {
                        globalEffects.add("%%" + magic.name());
                    }
                }
                default -> {
                }
            }
        }
        return new CellEffects(reads, binds, mutates, List.copyOf(writes), List.copyOf(globalEffects),
                isDisplayOnly(notebook, cell));
    }

    /** Global names a function body reads, following the notebook functions it uses. */
    private static Set<String> transitiveReads(AnalyzedNotebook notebook, FunctionSummary start, ProgramPoint at) {
        Set<String> reads = new TreeSet<>();
        Deque<FunctionSummary> work = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        work.push(start);
        seen.add(start.name());
        while (!work.isEmpty()) {
            FunctionSummary f = work.pop();
            for (String name : f.freeReads()) {
                reads.add(name);
                FunctionSummary inner = notebook.function(name, at);
                if (inner != null && seen.add(inner.name())) {
                    work.push(inner);
                }
            }
        }
        return reads;
    }

    private static boolean isDisplayCall(CallSite call) {
        String name = call.qualifiedName();
        if (name != null && DISPLAY_LIBRARIES.stream().anyMatch(name::startsWith)) {
            return true;
        }
        String origin = call.receiverOrigin();
        if (origin != null && DISPLAY_LIBRARIES.stream().anyMatch(origin::startsWith)) {
            return true;
        }
        return call.methodName() != null && DISPLAY_METHODS.contains(call.methodName())
                && !call.hasKeyword("inplace");
    }

    /** Whether every top-level statement of the cell only displays something. */
    private static boolean isDisplayOnly(AnalyzedNotebook notebook, AnalyzedCell cell) {
        List<SyntaxNode> statements = cell.root().namedChildren();
        boolean any = false;
        for (SyntaxNode statement : statements) {
            if (statement.is("comment")) {
                continue;
            }
            any = true;
            if (!isDisplayStatement(notebook, cell, statement)) {
                return false;
            }
        }
        for (Magic magic : cell.magics()) {
            boolean display = switch (magic.kind()) {
                case HELP -> true;
                case LINE_MAGIC -> DISPLAY_MAGICS.contains(magic.name());
                case CELL_MAGIC -> DISPLAY_MAGICS.contains(magic.name());
                case SHELL -> READ_ONLY_PROGRAMS.contains(magic.name());
            };
            if (!display) {
                return false;
            }
        }
        return any || !cell.magics().isEmpty();
    }

    private static boolean isDisplayStatement(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode statement) {
        if (statement.is("pass_statement")) {
            return true;
        }
        if (cell.translated().sourceMap().isRewritten(statement.startLine())
                && statement.startLine() == statement.endLine()) {
            return true; // an IPython escape: judged from its Magic record
        }
        if (statement.is("expression_statement") && statement.namedChildren().size() == 1
                && statement.namedChildren().get(0).is("assignment")) {
            SyntaxNode right = statement.namedChildren().get(0).child("right");
            return right != null && right.is("call") && displayCall(notebook, cell, right);
        }
        if (statement.is("import_statement") || statement.is("import_from_statement")) {
            return statement.text().matches("(?s).*\\b(matplotlib|seaborn|plotly|IPython|bokeh|altair|missingno)\\b.*");
        }
        if (!statement.is("expression_statement")) {
            return false;
        }
        for (SyntaxNode expression : statement.namedChildren()) {
            if (!isDisplayExpression(notebook, cell, expression)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDisplayExpression(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression) {
        switch (expression.type()) {
            case "identifier", "attribute", "subscript", "string", "concatenated_string", "integer", "float",
                    "comparison_operator", "binary_operator", "tuple" -> {
                return expression.find(n -> n.is("call")).isEmpty() || expression.find(n -> n.is("call")).stream()
                        .allMatch(c -> displayCall(notebook, cell, c));
            }
            case "call" -> {
                return displayCall(notebook, cell, expression);
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean displayCall(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node) {
        CallSite call = notebook.callAt(node);
        if (call == null) {
            return false;
        }
        if (call.qualifiedName() != null && call.qualifiedName().startsWith("get_ipython")) {
            return true;
        }
        if (writes(notebook, call)) {
            return false;
        }
        if (isDisplayCall(call) || (call.callee().is("identifier")
                && (call.callee().text().equals("display") || call.callee().text().equals("print")))) {
            // display calls may carry other calls as arguments: those must display too
            return node.find(n -> n.is("call") && n != node).stream()
                    .allMatch(c -> displayCall(notebook, cell, c) || isQuery(notebook, c));
        }
        return isQuery(notebook, node);
    }

    /** Builtins that compute a value to look at without changing anything. */
    private static final Set<String> QUERY_BUILTINS = Set.of("len", "type", "repr", "str", "sorted", "list", "round",
            "abs", "sum", "min", "max", "dir", "vars", "id", "isinstance", "format", "print");

    /** Builtins and method chains that compute a value to look at without changing anything. */
    private static boolean isQuery(AnalyzedNotebook notebook, SyntaxNode node) {
        CallSite call = notebook.callAt(node);
        if (call == null) {
            return false;
        }
        String name = call.qualifiedName();
        if (name != null && name.startsWith("builtins.")) {
            return QUERY_BUILTINS.contains(name.substring("builtins.".length()));
        }
        return call.methodName() != null && DISPLAY_METHODS.contains(call.methodName()) && !call.hasKeyword("inplace");
    }

    /** The variable at the root of {@code a.b[c].d}, or null. */
    public static String rootName(SyntaxNode expression) {
        SyntaxNode node = expression;
        while (node != null) {
            switch (node.type()) {
                case "identifier" -> {
                    return node.text();
                }
                case "attribute" -> node = node.child("object");
                case "subscript" -> node = node.child("value");
                case "call" -> node = node.child("function");
                case "parenthesized_expression" -> node = node.namedChildren().isEmpty() ? null : node.namedChildren().get(0);
                default -> {
                    return null;
                }
            }
        }
        return null;
    }
}
