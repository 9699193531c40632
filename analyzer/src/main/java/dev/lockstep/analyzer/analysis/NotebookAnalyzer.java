package dev.lockstep.analyzer.analysis;

import dev.lockstep.analyzer.ipython.IPythonTranslator;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.ipython.TranslatedSource;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.python.ParsedModule;
import dev.lockstep.analyzer.python.PythonParser;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.Binding;
import dev.lockstep.analyzer.semantics.BindingKind;
import dev.lockstep.analyzer.semantics.CellSemantics;
import dev.lockstep.analyzer.semantics.FunctionSummary;
import dev.lockstep.analyzer.semantics.ImportBinding;
import dev.lockstep.analyzer.semantics.ScopeAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link Notebook} into an {@link AnalyzedNotebook}: translates IPython, parses each
 * code cell, computes scopes, then the notebook-wide views (imports and aliases, definitions,
 * value origins, resolved calls). Stateless and thread-safe.
 */
public final class NotebookAnalyzer {
    private final IPythonTranslator translator = new IPythonTranslator();
    private final PythonParser parser = new PythonParser();
    private final ScopeAnalyzer scopes = new ScopeAnalyzer();

    public AnalyzedNotebook analyze(Notebook notebook) {
        boolean python = isPythonKernel(notebook);
        List<AnalyzedCell> cells = new ArrayList<>(notebook.cells().size());
        for (Cell cell : notebook.cells()) {
            cells.add(analyzeCell(cell, python));
        }
        return new Indexer(notebook, cells, python).build();
    }

    /** Analyzes one cell on its own (used by tools that work cell by cell). */
    public AnalyzedCell analyzeCell(Cell cell, boolean pythonKernel) {
        if (!cell.isCode() || !pythonKernel) {
            return new AnalyzedCell(cell, null, null, CellSemantics.EMPTY);
        }
        TranslatedSource translated = translator.translate(cell.source());
        ParsedModule parsed = parser.parse(translated.python());
        CellSemantics semantics = scopes.analyze(parsed.root());
        return new AnalyzedCell(cell, translated, parsed, semantics);
    }

    /** A notebook's kernel runs Python unless its metadata names another language. */
    static boolean isPythonKernel(Notebook notebook) {
        String language = notebook.metadata().language();
        if (language == null || language.isBlank()) {
            String kernel = notebook.metadata().kernelName();
            return kernel == null || kernel.isBlank() || kernel.toLowerCase(Locale.ROOT).contains("python")
                    || kernel.toLowerCase(Locale.ROOT).startsWith("py") || kernel.toLowerCase(Locale.ROOT).contains("conda")
                    || !knownOtherKernel(kernel);
        }
        return language.toLowerCase(Locale.ROOT).startsWith("python");
    }

    private static boolean knownOtherKernel(String kernel) {
        String k = kernel.toLowerCase(Locale.ROOT);
        return k.equals("ir") || k.startsWith("julia") || k.startsWith("scala") || k.startsWith("javascript")
                || k.equals("bash") || k.startsWith("java") || k.startsWith("xcpp") || k.startsWith("sql")
                || k.startsWith("spylon") || k.startsWith("sparkkernel") || k.startsWith("evcxr") || k.startsWith("gophernotes");
    }

    /** Builds the notebook-wide indexes, in dependency order. */
    private static final class Indexer {
        private final Notebook notebook;
        private final List<AnalyzedCell> cells;
        private final boolean python;
        private final ImportTable imports = new ImportTable();
        private final ValueOrigins origins = new ValueOrigins();
        private final Map<String, List<Definition>> definitions = new LinkedHashMap<>();
        private final Map<String, List<OwnedSummary>> functions = new LinkedHashMap<>();
        private final List<ProgramPoint> dynamicNamespace = new ArrayList<>();

        Indexer(Notebook notebook, List<AnalyzedCell> cells, boolean python) {
            this.notebook = notebook;
            this.cells = cells;
            this.python = python;
        }

        AnalyzedNotebook build() {
            for (AnalyzedCell cell : cells) {
                if (!cell.isPython()) {
                    continue;
                }
                indexImports(cell);
                indexDefinitions(cell);
            }
            AnalyzedNotebook.Resolver resolver = new AnalyzedNotebook.Resolver(imports, origins, definitions);
            for (AnalyzedCell cell : cells) {
                if (cell.isPython()) {
                    indexAliasesAndOrigins(cell, resolver);
                }
            }
            List<CallSite> calls = new ArrayList<>();
            for (AnalyzedCell cell : cells) {
                if (cell.isPython()) {
                    collectCalls(cell, resolver, calls);
                }
            }
            return new AnalyzedNotebook(notebook, cells, python, imports, definitions, functions, calls, resolver,
                    dynamicNamespace);
        }

        private void indexImports(AnalyzedCell cell) {
            for (ImportBinding binding : cell.semantics().imports()) {
                ProgramPoint point = new ProgramPoint(cell.index(), binding.node().startOffset());
                if (binding.star()) {
                    dynamicNamespace.add(point);
                } else {
                    imports.add(binding.localName(), binding.qualifiedName(), point, true);
                }
            }
        }

        private void indexDefinitions(AnalyzedCell cell) {
            CellSemantics semantics = cell.semantics();
            for (Binding binding : semantics.bindings()) {
                ProgramPoint point = new ProgramPoint(cell.index(), binding.node().startOffset());
                define(new Definition(binding.name(), cell, point, binding.statement(), binding.kind(), binding.node()));
            }
            for (FunctionSummary summary : semantics.functions().values()) {
                functions.computeIfAbsent(summary.name(), k -> new ArrayList<>()).add(new OwnedSummary(cell, summary));
                for (String written : summary.globalWrites()) {
                    ProgramPoint point = new ProgramPoint(cell.index(),
                            summary.definition() == null ? 0 : summary.definition().startOffset());
                    define(new Definition(written, cell, point, statementOf(cell, summary.definition()),
                            BindingKind.GLOBAL_IN_FUNCTION, summary.definition()));
                }
            }
            for (Magic magic : cell.magics()) {
                ProgramPoint point = new ProgramPoint(cell.index(), 0);
                if (magic.kind() == MagicKind.LINE_MAGIC && magic.name().equals("store")
                        && magic.arguments().startsWith("-r")) {
                    String names = magic.arguments().substring(2).strip();
                    if (names.isEmpty()) {
                        dynamicNamespace.add(point);
                    }
                    for (String name : names.split("\\s+")) {
                        if (name.matches("[A-Za-z_]\\w*")) {
                            define(new Definition(name, cell, point, 0, BindingKind.MAGIC, null));
                        }
                    }
                }
                boolean pylabImportAll = magic.name().equals("pylab") && !magic.arguments().contains("--no-import-all");
                if (magic.kind() == MagicKind.LINE_MAGIC && (magic.name().equals("run") || pylabImportAll)) {
                    // %pylab star-imports numpy and matplotlib.pyplot unless told not to
                    dynamicNamespace.add(point);
                }
            }
            if (semantics.dynamicNamespace()) {
                dynamicNamespace.add(new ProgramPoint(cell.index(), 0));
            }
        }

        private static int statementOf(AnalyzedCell cell, SyntaxNode node) {
            if (node == null) {
                return 0;
            }
            List<SyntaxNode> statements = cell.root().namedChildren();
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).contains(node)) {
                    return i;
                }
            }
            return 0;
        }

        private void define(Definition definition) {
            definitions.computeIfAbsent(definition.name(), k -> new ArrayList<>()).add(definition);
        }

        /**
         * Records {@code alias = module.path} as an alias and {@code x = call(...)} as the origin
         * of x, for module-level assignments outside function bodies, in document order.
         */
        private void indexAliasesAndOrigins(AnalyzedCell cell, AnalyzedNotebook.Resolver resolver) {
            cell.root().walk(node -> {
                if (!node.is("assignment") || cell.semantics().ownerOf(node) != null) {
                    return;
                }
                SyntaxNode left = node.child("left");
                SyntaxNode right = node.child("right");
                if (left == null || right == null || !left.is("identifier") || cell.semantics().isLocal(left)) {
                    return;
                }
                ProgramPoint point = new ProgramPoint(cell.index(), node.startOffset());
                if (right.is("identifier") || right.is("attribute")) {
                    String qualified = resolver.qualify(cell, right);
                    if (qualified != null) {
                        imports.add(left.text(), qualified, point, false);
                        return;
                    }
                }
                String origin = resolver.origin(cell, right);
                if (origin != null) {
                    origins.add(left.text(), point, origin);
                }
            });
            cell.root().walk(node -> {
                if (!node.is("with_item") || cell.semantics().ownerOf(node) != null) {
                    return;
                }
                SyntaxNode value = node.child("value");
                if (value == null || !value.is("as_pattern")) {
                    return;
                }
                SyntaxNode alias = value.child("alias");
                SyntaxNode expression = value.namedChildren().isEmpty() ? null : value.namedChildren().get(0);
                if (alias != null && expression != null && alias.namedChildren().size() == 1
                        && alias.namedChildren().get(0).is("identifier")) {
                    String origin = resolver.origin(cell, expression);
                    if (origin != null) {
                        origins.add(alias.namedChildren().get(0).text(), new ProgramPoint(cell.index(), node.startOffset()), origin);
                    }
                }
            });
        }

        private void collectCalls(AnalyzedCell cell, AnalyzedNotebook.Resolver resolver, List<CallSite> calls) {
            cell.root().walk(node -> {
                if (!node.is("call")) {
                    return;
                }
                SyntaxNode callee = node.child("function");
                if (callee == null) {
                    return;
                }
                String qualified = resolver.qualify(cell, callee);
                String method = null;
                SyntaxNode receiver = null;
                if (callee.is("attribute")) {
                    SyntaxNode attribute = callee.child("attribute");
                    method = attribute == null ? null : attribute.text();
                    receiver = callee.child("object");
                } else if (callee.is("identifier")) {
                    method = callee.text();
                }
                String receiverOrigin = receiver == null || resolver.qualify(cell, receiver) != null ? null
                        : resolver.origin(cell, receiver);
                List<SyntaxNode> positional = new ArrayList<>();
                Map<String, SyntaxNode> keywords = new LinkedHashMap<>();
                boolean star = false;
                SyntaxNode arguments = node.child("arguments");
                if (arguments != null && arguments.is("generator_expression")) {
                    positional.add(arguments);
                } else if (arguments != null) {
                    for (SyntaxNode argument : arguments.namedChildren()) {
                        switch (argument.type()) {
                            case "keyword_argument" -> {
                                SyntaxNode name = argument.child("name");
                                SyntaxNode value = argument.child("value");
                                if (name != null && value != null) {
                                    keywords.put(name.text(), value);
                                }
                            }
                            case "list_splat", "dictionary_splat" -> star = true;
                            case "comment" -> {
                            }
                            default -> positional.add(argument);
                        }
                    }
                }
                calls.add(new CallSite(cell, node, qualified, method, receiver, receiverOrigin, positional, keywords,
                        star, cell.semantics().ownerOf(node)));
            });
        }
    }

    /** A function summary with the cell that defines it. */
    record OwnedSummary(AnalyzedCell cell, FunctionSummary summary) {
    }
}
