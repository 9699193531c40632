package dev.lockstep.analyzer.analysis;

import dev.lockstep.analyzer.history.ExecutionHistory;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.FunctionSummary;
import dev.lockstep.analyzer.semantics.NameRead;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A notebook with every cell analysed and the notebook-wide views rules need: resolved calls,
 * definitions, imports, and the order in which code runs.
 */
public final class AnalyzedNotebook {
    private final Notebook notebook;
    private final List<AnalyzedCell> cells;
    private final boolean pythonKernel;
    private final ImportTable imports;
    private final Map<String, List<Definition>> definitions;
    private final Map<String, List<NotebookAnalyzer.OwnedSummary>> functions;
    private final List<CallSite> calls;
    private final Resolver resolver;
    private final List<ProgramPoint> dynamicNamespace;
    private final ExecutionHistory history;
    private final Map<String, List<ProgramPoint>> executionPointCache = new HashMap<>();
    private final Map<SyntaxNode, CallSite> callsByNode = new java.util.IdentityHashMap<>();
    private final Map<Integer, List<CallSite>> callsByCell = new HashMap<>();
    private dev.lockstep.analyzer.facts.Facts facts;
    private dev.lockstep.analyzer.facts.io.IoCatalogue catalogue = dev.lockstep.analyzer.facts.io.IoCatalogue.standard();

    AnalyzedNotebook(Notebook notebook, List<AnalyzedCell> cells, boolean pythonKernel, ImportTable imports,
            Map<String, List<Definition>> definitions, Map<String, List<NotebookAnalyzer.OwnedSummary>> functions,
            List<CallSite> calls, Resolver resolver, List<ProgramPoint> dynamicNamespace) {
        this.notebook = notebook;
        this.cells = List.copyOf(cells);
        this.pythonKernel = pythonKernel;
        this.imports = imports;
        this.definitions = definitions;
        this.functions = functions;
        this.calls = List.copyOf(calls);
        for (CallSite call : this.calls) {
            callsByNode.put(call.node(), call);
            callsByCell.computeIfAbsent(call.cell().index(), k -> new ArrayList<>()).add(call);
        }
        this.resolver = resolver;
        this.dynamicNamespace = List.copyOf(dynamicNamespace);
        this.history = ExecutionHistory.of(notebook);
    }

    public Notebook notebook() {
        return notebook;
    }

    /**
     * What the analyzer knows about this notebook's program (values, I/O, GPU use): computed
     * once, on first use, and shared by every rule and extract pass.
     */
    public synchronized dev.lockstep.analyzer.facts.Facts facts() {
        if (facts == null) {
            facts = new dev.lockstep.analyzer.facts.Facts(this, catalogue);
        }
        return facts;
    }

    /** Uses a catalogue with a team's own I/O APIs (lockstep.toml {@code [[io]]}); only before facts are first asked. */
    public synchronized void useCatalogue(dev.lockstep.analyzer.facts.io.IoCatalogue value) {
        if (facts != null && value != catalogue) {
            throw new IllegalStateException("facts already computed with another I/O catalogue");
        }
        this.catalogue = value;
    }

    /** The I/O catalogue facts are (or will be) computed with. */
    public synchronized dev.lockstep.analyzer.facts.io.IoCatalogue catalogue() {
        return catalogue;
    }

    /** All cells, in document order. */
    public List<AnalyzedCell> cells() {
        return cells;
    }

    /** Cells holding parsed Python, in document order. */
    public List<AnalyzedCell> pythonCells() {
        return cells.stream().filter(AnalyzedCell::isPython).toList();
    }

    public AnalyzedCell cell(int index) {
        return cells.get(index);
    }

    /** Whether the kernel runs Python (else code cells are not parsed). */
    public boolean isPythonKernel() {
        return pythonKernel;
    }

    public ExecutionHistory history() {
        return history;
    }

    public ImportTable imports() {
        return imports;
    }

    /** Every call in the notebook, in document order (cell, then source position). */
    public List<CallSite> calls() {
        return calls;
    }

    /** The call whose {@code call} node this is, or null. */
    public CallSite callAt(SyntaxNode callNode) {
        return callsByNode.get(callNode);
    }

    /** The calls in one cell, in source order. */
    public List<CallSite> callsIn(AnalyzedCell cell) {
        return callsByCell.getOrDefault(cell.index(), List.of());
    }

    /** Calls whose callee is one of the given qualified names. */
    public List<CallSite> callsTo(String... qualifiedNames) {
        return calls.stream().filter(c -> c.is(qualifiedNames)).toList();
    }

    /** Module-level bindings of a name, in document order (empty when never bound). */
    public List<Definition> definitionsOf(String name) {
        return definitions.getOrDefault(name, List.of());
    }

    /** Every module-level name bound anywhere, sorted. */
    public Set<String> definedNames() {
        return Collections.unmodifiableSet(new TreeSet<>(definitions.keySet()));
    }

    /** The summary of the module-level function or class {@code name} defined last before {@code point}. */
    public FunctionSummary function(String name, ProgramPoint point) {
        List<NotebookAnalyzer.OwnedSummary> list = functions.get(name);
        if (list == null) {
            return null;
        }
        NotebookAnalyzer.OwnedSummary best = null;
        for (NotebookAnalyzer.OwnedSummary s : list) {
            if (s.cell().index() <= point.cellIndex() || best == null) {
                best = s;
            }
        }
        return best.summary();
    }

    /** Whether star imports, {@code %run}, {@code exec} or {@code globals()} writes make names invisible to analysis. */
    public boolean hasDynamicNamespace() {
        return !dynamicNamespace.isEmpty();
    }

    /** Where the notebook's namespace is changed invisibly, in document order. */
    public List<ProgramPoint> dynamicNamespacePoints() {
        return dynamicNamespace;
    }

    public ProgramPoint point(AnalyzedCell cell, SyntaxNode node) {
        return new ProgramPoint(cell.index(), node.startOffset());
    }

    /**
     * Whether code at {@code a} runs before code at {@code b} in a top-to-bottom run or in the
     * recorded session (by execution counts): either order is a way the notebook was or will be run.
     */
    public boolean precedes(ProgramPoint a, ProgramPoint b) {
        if (a.compareTo(b) < 0) {
            return true;
        }
        Cell ca = cells.get(a.cellIndex()).cell();
        Cell cb = cells.get(b.cellIndex()).cell();
        return ca.executionCount() != null && cb.executionCount() != null && ca.executionCount() < cb.executionCount();
    }

    /**
     * Where the code at {@code node} actually runs. Code at module level runs where it stands.
     * Code in a function or class body runs where that function or class is used at module level
     * (directly, or through other functions that use it); a function never used runs nowhere
     * that analysis can see, and its definition is taken instead.
     */
    public List<ProgramPoint> executionPoints(AnalyzedCell cell, SyntaxNode node) {
        String owner = cell.semantics().ownerOf(node);
        if (owner == null) {
            return List.of(point(cell, node));
        }
        List<ProgramPoint> points = executionPointsOf(owner);
        if (points.isEmpty()) {
            return List.of(point(cell, node));
        }
        return points;
    }

    /** The module-level points where the function or class {@code owner} is used, transitively. */
    public synchronized List<ProgramPoint> executionPointsOf(String owner) {
        List<ProgramPoint> cached = executionPointCache.get(owner);
        if (cached != null) {
            return cached;
        }
        Set<ProgramPoint> points = new TreeSet<>();
        collectUses(owner, new HashSet<>(), points);
        List<ProgramPoint> result = List.copyOf(points);
        executionPointCache.put(owner, result);
        return result;
    }

    private void collectUses(String name, Set<String> visited, Set<ProgramPoint> points) {
        if (!visited.add(name)) {
            return;
        }
        for (AnalyzedCell cell : cells) {
            for (NameRead read : cell.semantics().reads()) {
                if (read.name().equals(name)) {
                    points.add(point(cell, read.node()));
                }
            }
        }
        for (Map.Entry<String, List<NotebookAnalyzer.OwnedSummary>> entry : functions.entrySet()) {
            for (NotebookAnalyzer.OwnedSummary owned : entry.getValue()) {
                if (owned.summary().freeReads().contains(name)) {
                    collectUses(entry.getKey(), visited, points);
                }
            }
        }
    }

    /** The qualified name an expression denotes ({@code np.random} is {@code numpy.random}), or null. */
    public String qualify(AnalyzedCell cell, SyntaxNode expression) {
        return resolver.qualify(cell, expression);
    }

    /** The qualified name of the call that produced the value of an expression, or null. */
    public String origin(AnalyzedCell cell, SyntaxNode expression) {
        return resolver.origin(cell, expression);
    }

    /** Resolves names and origins against the notebook-wide tables. */
    static final class Resolver {
        private final ImportTable imports;
        private final ValueOrigins origins;
        private final Map<String, List<Definition>> definitions;

        Resolver(ImportTable imports, ValueOrigins origins, Map<String, List<Definition>> definitions) {
            this.imports = imports;
            this.origins = origins;
            this.definitions = definitions;
        }

        String qualify(AnalyzedCell cell, SyntaxNode expression) {
            if (expression == null) {
                return null;
            }
            switch (expression.type()) {
                case "identifier" -> {
                    if (cell.semantics().isLocal(expression)) {
                        return null;
                    }
                    String name = expression.text();
                    String qualified = imports.resolve(name, new ProgramPoint(cell.index(), expression.startOffset()));
                    if (qualified != null) {
                        return qualified;
                    }
                    if (PythonBuiltins.isBuiltin(name) && !definitions.containsKey(name)) {
                        return "builtins." + name;
                    }
                    return null;
                }
                case "attribute" -> {
                    String base = qualify(cell, expression.child("object"));
                    SyntaxNode attribute = expression.child("attribute");
                    return base == null || attribute == null ? null : base + "." + attribute.text();
                }
                case "parenthesized_expression" -> {
                    List<SyntaxNode> inner = expression.namedChildren();
                    return inner.size() == 1 ? qualify(cell, inner.get(0)) : null;
                }
                default -> {
                    return null;
                }
            }
        }

        String origin(AnalyzedCell cell, SyntaxNode expression) {
            if (expression == null) {
                return null;
            }
            switch (expression.type()) {
                case "call" -> {
                    SyntaxNode callee = expression.child("function");
                    String qualified = qualify(cell, callee);
                    if (qualified != null) {
                        return qualified;
                    }
                    if (callee != null && callee.is("attribute")) {
                        return origin(cell, callee.child("object"));
                    }
                    return null;
                }
                case "identifier" -> {
                    if (cell.semantics().isLocal(expression)) {
                        return null;
                    }
                    return origins.originOf(expression.text(), new ProgramPoint(cell.index(), expression.startOffset()));
                }
                case "subscript" -> {
                    return origin(cell, expression.child("value"));
                }
                case "attribute" -> {
                    return origin(cell, expression.child("object"));
                }
                case "parenthesized_expression", "await" -> {
                    List<SyntaxNode> inner = expression.namedChildren();
                    return inner.size() == 1 ? origin(cell, inner.get(0)) : null;
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
