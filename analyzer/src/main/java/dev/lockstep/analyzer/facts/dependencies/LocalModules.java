package dev.lockstep.analyzer.facts.dependencies;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The imports of modules that live in files next to the notebook (what LS406 reports and what
 * extract must not turn into requirements). A module that the knowledge base
 * ({@link PythonPackages}) does not know is <em>unknown</em>, not local: it counts only with
 * evidence that it is a local file. Evidence is a relative import; a name that projects use for
 * their own code ({@code utils}, {@code helpers}, {@code config}, {@code my_*},
 * {@code *_utils}...); the notebook naming the file ({@code churn_utils.py} in a markdown cell or
 * a comment); a {@code sys.path} (or {@code PYTHONPATH}) change or a {@code pip install -e .} of
 * the notebook's own project; and a {@code %%writefile} that writes the module only below the
 * import. Modules the notebook itself provides do not count: written by an earlier
 * {@code %%writefile} cell, installed by a pip command, downloaded as a {@code .py} file, or
 * possibly inside a repository the notebook clones.
 */
public final class LocalModules {

    /** Why an import is of a local file. */
    public enum Reason {
        /** {@code from .x import y}: a relative import. */
        RELATIVE,
        /** A {@code %%writefile} cell writes the module, but only below the import. */
        WRITTEN_BELOW,
        /** An unknown module with evidence that it is a file next to the notebook. */
        LOCAL_FILE
    }

    /**
     * One import of a local module: the first for its top-level module.
     *
     * @param cell        the cell that imports it
     * @param statement   the import statement
     * @param module      the module as imported ({@code utils.io}, {@code .x} for a relative import)
     * @param reason      why it is local
     * @param writtenIn   for {@link Reason#WRITTEN_BELOW}, the index of the cell that writes it; -1 otherwise
     */
    public record LocalImport(AnalyzedCell cell, SyntaxNode statement, String module, Reason reason, int writtenIn) {

        /** The top-level module name ({@code utils} for {@code utils.io}). */
        public String topLevel() {
            return PythonPackages.topLevel(module);
        }
    }

    /** Module names that projects use for their own code, almost never for a PyPI distribution. */
    private static final Set<String> LOCAL_NAMES = Set.of("utils", "util", "utilities", "helpers", "helper", "common",
            "config", "configs", "settings", "constants", "consts", "lib", "libs", "src", "tools", "tool", "functions",
            "funcs", "preprocessing", "preprocess", "postprocessing", "postprocess", "dataloader", "dataloaders",
            "data_loader", "loaders", "model", "models", "modeling", "modelling", "networks", "network", "net", "nets",
            "layers", "losses", "loss", "metrics", "train", "training", "trainer", "eval", "evaluation", "inference",
            "predict", "prediction", "features", "feature_engineering", "visualization", "visualisation", "visualize",
            "viz", "plotting", "plots", "custom", "local", "mylib", "myutils", "mymodule", "modules", "project", "core",
            "engine", "scripts", "test", "tests", "experiment", "experiments", "baseline", "baselines", "analysis",
            "transforms", "augmentations", "augmentation", "callbacks", "architecture", "architectures", "backbone",
            "backbones", "encoder", "decoder", "solver", "solvers", "data", "dataset_utils", "data_utils");

    private static final Pattern LOCAL_PATTERN = Pattern.compile(
            "(my|custom|local)_\\w+|\\w+_(utils?|helpers?|lib|libs|tools|functions|funcs|common|config|module|modules|local|custom)");

    /** {@code name.py} written anywhere in the notebook's text. */
    private static final Pattern PY_FILE = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\.py\\b");

    /** Programs whose {@code .py} arguments put that file next to the notebook. */
    private static final Set<String> FETCHERS = Set.of("wget", "curl", "gdown", "cp", "mv", "ln", "rsync", "scp",
            "gsutil", "aws", "azcopy");

    private final List<LocalImport> imports;

    private LocalModules(List<LocalImport> imports) {
        this.imports = List.copyOf(imports);
    }

    /** The local imports of a notebook, one per top-level module, in document order. */
    public static LocalModules of(AnalyzedNotebook notebook) {
        Evidence evidence = Evidence.of(notebook);
        Set<String> reported = new HashSet<>();
        List<LocalImport> found = new ArrayList<>();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            for (SyntaxNode statement : cell.root().find(n -> n.is("import_statement") || n.is("import_from_statement"))) {
                if (isOptional(statement)) {
                    continue; // try: import x / except ImportError: the notebook copes without it
                }
                for (String module : modules(statement)) {
                    LocalImport local = judge(evidence, cell, statement, module);
                    if (local != null && reported.add(PythonPackages.topLevel(module))) {
                        found.add(local);
                    }
                }
            }
        }
        return new LocalModules(found);
    }

    /** Each local import, the first for its top-level module, in document order. */
    public List<LocalImport> imports() {
        return imports;
    }

    /** The top-level names of the local modules, sorted: the extractor must not turn them into requirements. */
    public Set<String> modules() {
        Set<String> modules = new TreeSet<>();
        for (LocalImport local : imports) {
            modules.add(local.topLevel());
        }
        return Collections.unmodifiableSet(modules);
    }

    /** The import of {@code module} in {@code cell} as a local one, or null when it is not a local file. */
    private static LocalImport judge(Evidence evidence, AnalyzedCell cell, SyntaxNode statement, String module) {
        if (module.startsWith(".")) {
            return new LocalImport(cell, statement, module, Reason.RELATIVE, -1);
        }
        String top = PythonPackages.topLevel(module);
        Integer written = evidence.writtenBy.get(top);
        if (written != null) {
            if (written < cell.index()) {
                return null; // the notebook writes the file itself before importing it
            }
            return new LocalImport(cell, statement, module, Reason.WRITTEN_BELOW, written);
        }
        if (PythonPackages.classify(top) != PythonPackages.Kind.UNKNOWN || evidence.installed.contains(top)
                || evidence.installed.contains(top.toLowerCase(Locale.ROOT)) || evidence.fetched.contains(top)
                || evidence.clones) {
            return null;
        }
        boolean localName = LOCAL_NAMES.contains(top) || LOCAL_PATTERN.matcher(top).matches();
        if (!localName && !evidence.namedFiles.contains(top) && !evidence.localSearchPath) {
            return null; // unknown but maybe a distribution: no evidence either way
        }
        return new LocalImport(cell, statement, module, Reason.LOCAL_FILE, -1);
    }

    /** The modules an import statement loads: dotted names, or {@code .x} for relative imports. */
    private static List<String> modules(SyntaxNode statement) {
        List<String> modules = new ArrayList<>();
        if (statement.is("import_from_statement")) {
            SyntaxNode module = statement.child("module_name");
            if (module != null) {
                modules.add(module.text().replaceAll("\\s+", ""));
            }
            return modules;
        }
        for (SyntaxNode name : statement.children("name")) {
            SyntaxNode dotted = name.is("aliased_import") ? name.child("name") : name;
            if (dotted != null) {
                modules.add(dotted.text().replaceAll("\\s+", ""));
            }
        }
        return modules;
    }

    /** Whether the import sits in a {@code try} body whose handler catches a failed import. */
    private static boolean isOptional(SyntaxNode statement) {
        for (SyntaxNode t = statement.ancestor("try_statement"); t != null; t = t.ancestor("try_statement")) {
            SyntaxNode body = t.child("body");
            if (body == null || !body.contains(statement)) {
                continue;
            }
            for (SyntaxNode clause : t.children()) {
                if (!clause.is("except_clause")) {
                    continue;
                }
                String header = clause.text();
                int colon = header.indexOf(':');
                header = colon < 0 ? header : header.substring(0, colon);
                if (header.strip().equals("except")
                        || header.matches("(?s).*\\b(ImportError|ModuleNotFoundError|Exception|BaseException)\\b.*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What the notebook says about where modules come from. */
    private record Evidence(Map<String, Integer> writtenBy, Set<String> installed, Set<String> fetched,
            Set<String> namedFiles, boolean clones, boolean localSearchPath) {

        static Evidence of(AnalyzedNotebook notebook) {
            Map<String, Integer> writtenBy = new HashMap<>();
            Set<String> namedFiles = new HashSet<>();
            boolean localSearchPath = false;
            for (AnalyzedCell cell : notebook.cells()) {
                String source = cell.cell().source();
                // The pattern's look-behind is tried at every character: search only text that can match.
                Matcher m = source.contains(".py") ? PY_FILE.matcher(source) : null;
                while (m != null && m.find()) {
                    namedFiles.add(m.group(1));
                }
                for (Magic magic : cell.magics()) {
                    if (magic.kind() == MagicKind.CELL_MAGIC && (magic.name().equals("writefile") || magic.name().equals("file"))) {
                        String module = writtenModule(magic.arguments());
                        if (module != null) {
                            writtenBy.merge(module, cell.index(), Math::min);
                        }
                    }
                    if (magic.kind() == MagicKind.LINE_MAGIC && magic.name().equals("env")
                            && magic.arguments().contains("PYTHONPATH")) {
                        localSearchPath = true;
                    }
                }
            }
            Set<String> installed = new HashSet<>();
            for (InstallSite site : notebook.facts().installs()) {
                for (Requirement r : site.command().requirements()) {
                    if (r.name() != null) {
                        installed.addAll(PythonPackages.importNamesOf(r.name()));
                        installed.add(r.name().replace('-', '_'));
                    }
                    if (r.kind() == Requirement.Kind.LOCAL && r.editable()) {
                        localSearchPath = true; // pip install -e .: the notebook's own project, from disk
                    }
                }
            }
            Set<String> fetched = new HashSet<>();
            for (ShellLines.Line line : notebook.facts().shellLines()) {
                for (List<ShellSyntax.Word> command : ShellSyntax.commands(line.text())) {
                    List<ShellSyntax.Word> words = ShellSyntax.program(command);
                    if (words.isEmpty() || !FETCHERS.contains(ShellSyntax.lastComponent(words.get(0).text()))) {
                        continue;
                    }
                    for (ShellSyntax.Word word : words) {
                        String file = ShellSyntax.lastComponent(word.text());
                        if (file.endsWith(".py")) {
                            fetched.add(file.substring(0, file.length() - 3));
                        }
                    }
                }
            }
            for (CallSite call : notebook.calls()) {
                if (call.is("sys.path.append", "sys.path.insert", "sys.path.extend", "site.addsitedir")) {
                    localSearchPath |= !pointsAtInstalledPackages(call);
                }
            }
            for (AnalyzedCell cell : notebook.pythonCells()) {
                for (SyntaxNode node : cell.root().find(n -> n.is("augmented_assignment"))) {
                    if ("sys.path".equals(notebook.qualify(cell, node.child("left")))) {
                        localSearchPath = true;
                    }
                }
            }
            boolean clones = !notebook.facts().git().clones().isEmpty();
            return new Evidence(writtenBy, installed, fetched, namedFiles, clones, localSearchPath);
        }

        /** The top-level module a {@code %%writefile [-a] PATH} creates, or null when PATH is no Python file. */
        private static String writtenModule(String arguments) {
            for (String word : arguments.strip().split("\\s+")) {
                if (word.startsWith("-") || word.isEmpty()) {
                    continue;
                }
                String path = word.replaceAll("^['\"]|['\"]$", "").replace('\\', '/');
                while (path.startsWith("./")) {
                    path = path.substring(2);
                }
                if (!path.endsWith(".py")) {
                    return null;
                }
                if (path.startsWith("/") || path.startsWith("../") || path.matches("[A-Za-z]:/.*")) {
                    String file = ShellSyntax.lastComponent(path);
                    return file.substring(0, file.length() - 3); // importable from the folder the kernel runs in
                }
                int slash = path.indexOf('/');
                return slash > 0 ? path.substring(0, slash) : path.substring(0, path.length() - 3);
            }
            return null;
        }

        /** Whether a sys.path change only adds a site-packages folder (installed code, not local). */
        private static boolean pointsAtInstalledPackages(CallSite call) {
            for (SyntaxNode argument : call.positional()) {
                String text = argument.text();
                if (text.contains("site-packages") || text.contains("dist-packages")) {
                    return true;
                }
            }
            return false;
        }
    }
}
