package dev.lockstep.analyzer.history;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Classifies each code cell by {@link CellRole}, once per notebook. The rules about the saved
 * execution history ask it which re-runs and never-run cells matter: a re-run install or plot
 * changes nothing later cells use; a training cell that never ran means the saved results were
 * never produced.
 */
public final class CellRoles {

    /** Methods whose call trains a model. {@code model.train()} without arguments only sets a mode. */
    private static final Set<String> TRAINING_METHODS = Set.of("fit", "fit_generator", "train_on_batch", "backward",
            "partial_fit");
    /** Methods whose call evaluates a model or computes a metric. */
    private static final Set<String> EVALUATION_METHODS = Set.of("evaluate", "score", "evaluate_generator");
    /** Functions and methods that only show a value. */
    private static final Set<String> DISPLAY_CALLS = Set.of("print", "display", "show", "head", "tail", "describe",
            "info", "plot", "imshow", "hist", "scatter", "bar", "barh", "figure", "subplots", "subplot", "title",
            "xlabel", "ylabel", "legend", "grid", "tight_layout", "savefig", "set_title", "set_xlabel", "set_ylabel",
            "summary", "pprint", "HTML", "Markdown", "Image", "value_counts", "boxplot", "heatmap", "pairplot",
            "lineplot", "histplot", "countplot", "barplot", "scatterplot", "displot", "kdeplot", "set_style", "set",
            "axis", "xticks", "yticks", "colorbar", "text", "annotate", "suptitle", "clf", "close", "ylim", "xlim");
    /** Shell programs and magics that set up the machine or only look at it. */
    private static final Set<String> SETUP_PROGRAMS = Set.of("pip", "pip3", "conda", "mamba", "apt", "apt-get", "sudo",
            "nvidia-smi", "ls", "pwd", "cat", "head", "tail", "du", "df", "free", "which", "echo", "env", "uname",
            "python", "matplotlib", "load_ext", "reload_ext", "autoreload", "config", "tensorboard", "time",
            "timeit", "capture", "who", "whos", "lsmagic", "nproc", "lscpu", "git", "wget", "curl", "mkdir", "rm",
            "cp", "mv", "unzip", "tar", "chmod", "huggingface-cli", "docker");

    private final Map<Integer, CellRole> roles = new HashMap<>();
    private final AnalyzedNotebook notebook;

    private CellRoles(AnalyzedNotebook notebook) {
        this.notebook = notebook;
        Map<Integer, List<CallSite>> calls = new HashMap<>();
        for (CallSite call : notebook.calls()) {
            calls.computeIfAbsent(call.cell().index(), k -> new java.util.ArrayList<>()).add(call);
        }
        for (AnalyzedCell cell : notebook.cells()) {
            if (cell.cell().isCode()) {
                roles.put(cell.index(), classify(cell, calls.getOrDefault(cell.index(), List.of())));
            }
        }
    }

    /** The roles of every code cell of the notebook. */
    public static CellRoles of(AnalyzedNotebook notebook) {
        return new CellRoles(notebook);
    }

    /** The role of a code cell (COMPUTATION for cells not classified). */
    public CellRole of(AnalyzedCell cell) {
        return roles.getOrDefault(cell.index(), CellRole.COMPUTATION);
    }

    private CellRole classify(AnalyzedCell cell, List<CallSite> calls) {
        if (isCommentOnly(cell.cell().source())) {
            return CellRole.COMMENT_ONLY;
        }
        if (cell.magics().stream().anyMatch(m -> m.kind() == MagicKind.CELL_MAGIC
                && (m.name().equals("bash") || m.name().equals("sh") || m.name().equals("script")))) {
            return CellRole.SETUP; // a shell script cell: machine setup, binds no Python value
        }
        if (!cell.isPython() || cell.hasSyntaxErrors()) {
            return CellRole.COMPUTATION;
        }
        CellRole produced = null;
        for (CallSite call : calls) {
            if (!call.isImmediate()) {
                continue; // code in a function body runs when the function is called
            }
            CellRole role = callRole(call);
            if (role == CellRole.TRAINING) {
                return CellRole.TRAINING;
            }
            if (role == CellRole.EVALUATION) {
                produced = role;
            }
        }
        if (produced != null) {
            return produced;
        }
        boolean statements = false;
        boolean onlyShows = true;
        for (SyntaxNode statement : cell.root().namedChildren()) {
            if (statement.is("comment")) {
                continue;
            }
            statements = true;
            if (!showsOnly(statement)) {
                onlyShows = false;
                break;
            }
        }
        boolean magicsOnlySetUp = cell.magics().stream().allMatch(CellRoles::isSetupMagic);
        if (!cell.magics().isEmpty() && magicsOnlySetUp && onlyShows) {
            return onlyInstalls(cell) ? CellRole.SETUP : CellRole.DISPLAY;
        }
        if (statements && onlyShows && magicsOnlySetUp) {
            return CellRole.DISPLAY;
        }
        return CellRole.COMPUTATION;
    }

    private static boolean onlyInstalls(AnalyzedCell cell) {
        return cell.magics().stream().anyMatch(m -> m.name().equals("pip") || m.name().equals("pip3")
                || m.name().equals("conda") || m.name().equals("apt-get") || m.name().equals("apt")
                || m.arguments().contains("install"));
    }

    private CellRole callRole(CallSite call) {
        String method = call.methodName();
        String receiver = call.receiver() == null ? "" : call.receiver().text().toLowerCase(Locale.ROOT);
        String name = call.qualifiedName() == null ? "" : call.qualifiedName();
        if (method != null) {
            if (TRAINING_METHODS.contains(method)) {
                return CellRole.TRAINING;
            }
            if (method.equals("train") && (receiver.contains("trainer") || !call.positional().isEmpty()
                    || !call.keywords().isEmpty())) {
                return CellRole.TRAINING;
            }
            if (method.equals("step") && receiver.contains("optim")) {
                return CellRole.TRAINING;
            }
            if (EVALUATION_METHODS.contains(method)) {
                return CellRole.EVALUATION;
            }
        }
        if (name.startsWith("sklearn.metrics.")) {
            return CellRole.EVALUATION;
        }
        if (call.qualifiedName() == null && call.receiver() == null && call.node().child("function") != null) {
            // a notebook's own function: named for what it does (train_epoch, fit_model, evaluate, test_loop)
            String defined = call.node().child("function").text();
            boolean isFunction = notebook.definitionsOf(defined).stream()
                    .anyMatch(d -> d.kind() == dev.lockstep.analyzer.semantics.BindingKind.FUNCTION);
            String function = isFunction ? defined.toLowerCase(Locale.ROOT) : "";
            if (function.startsWith("train") || function.startsWith("fit")) {
                return CellRole.TRAINING;
            }
            if (function.startsWith("eval") || function.startsWith("test") || function.startsWith("validate")) {
                return CellRole.EVALUATION;
            }
        }
        return null;
    }

    /** A statement that binds nothing a later cell could use: an import, or an expression that shows a value. */
    public static boolean showsOnly(SyntaxNode statement) {
        if (statement.is("import_statement") || statement.is("import_from_statement")
                || statement.is("future_import_statement") || statement.is("pass_statement")) {
            return true;
        }
        if (!statement.is("expression_statement") || statement.namedChildren().size() != 1) {
            return false;
        }
        SyntaxNode expression = statement.namedChildren().get(0);
        switch (expression.type()) {
            case "identifier", "attribute", "subscript", "string", "integer", "float", "concatenated_string" -> {
                return true;
            }
            case "call" -> {
                SyntaxNode function = expression.child("function");
                if (function == null) {
                    return false;
                }
                String text = function.text();
                if (text.startsWith("get_ipython()")) {
                    return true; // a translated magic; judged by its Magic
                }
                String last = function.is("attribute") && function.child("attribute") != null
                        ? function.child("attribute").text() : text;
                return DISPLAY_CALLS.contains(last) || text.startsWith("plt.") || text.startsWith("sns.");
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean isSetupMagic(Magic magic) {
        if (magic.kind() == MagicKind.HELP) {
            return true;
        }
        if (magic.kind() == MagicKind.CELL_MAGIC) {
            return false; // a %%bash or %%time body is a program of its own
        }
        return magic.assignedTo() == null && SETUP_PROGRAMS.contains(magic.name());
    }

    private static boolean isCommentOnly(String source) {
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                return false;
            }
        }
        return true;
    }
}
