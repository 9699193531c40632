package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.analyzer.semantics.StringLiterals;
import dev.lockstep.extractor.code.FileReads;
import dev.lockstep.extractor.code.FileWrites;
import dev.lockstep.extractor.code.PythonText;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.code.CellEdits;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import dev.lockstep.extractor.plan.OutputSpec;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pass 4: path literals the job reads become named {@code inputs}, paths it writes become named
 * {@code outputs}; the script reads them from the config. A path first read is an input; a path
 * the job writes (even if it reads it back later) is an output. Literals bound to a variable
 * are lifted where they are bound, so every use follows.
 *
 * <p>Binding (hashing the file) happens in {@link InputBindingPass}; this pass only finds and names.
 */
public final class InputOutputPass implements Pass {

    @Override
    public String name() {
        return "inputs-outputs";
    }

    /** A path literal and how the job uses it. */
    private static final class Site {
        final SyntaxNode literal;
        final AnalyzedCell cell;
        final String value;
        final String variable;
        boolean read;
        boolean written;
        int firstUse = Integer.MAX_VALUE;
        boolean firstUseIsWrite;

        Site(SyntaxNode literal, AnalyzedCell cell, String value, String variable) {
            this.literal = literal;
            this.cell = cell;
            this.value = value;
            this.variable = variable;
        }
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        List<PlannedCell> kept = plan.keptCells();
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source().notebook(), kept);
        Map<SyntaxNode, Site> sites = new IdentityHashMap<>();
        List<Site> ordered = new ArrayList<>();
        int order = 0;
        for (CallSite call : synthetic.analyzed().calls()) {
            order++;
            boolean write = false;
            SyntaxNode argument = FileWrites.pathArgument(call);
            if (argument != null) {
                write = true;
            } else {
                argument = FileReads.pathArgument(call);
            }
            if (argument == null) {
                continue;
            }
            Site site = siteOf(synthetic, call.cell(), argument, sites, ordered);
            if (site == null) {
                continue;
            }
            if (write) {
                site.written = true;
            } else {
                site.read = true;
            }
            if (order < site.firstUse) {
                site.firstUse = order;
                site.firstUseIsWrite = write;
            }
        }
        ExtractionPlan.Builder next = plan.toBuilder();
        Set<String> inputNames = new HashSet<>();
        Set<String> outputNames = new HashSet<>();
        Map<Integer, List<Fix.Edit>> edits = new HashMap<>();
        Map<String, String> assignedByValue = new LinkedHashMap<>();
        // A path is an output when the job writes it before (or without) reading it, wherever it is spelled.
        Map<String, Site> firstUseOfValue = new HashMap<>();
        Map<String, Boolean> writtenValue = new HashMap<>();
        for (Site site : ordered) {
            writtenValue.merge(site.value, site.written, Boolean::logicalOr);
            Site first = firstUseOfValue.get(site.value);
            if (first == null || site.firstUse < first.firstUse) {
                firstUseOfValue.put(site.value, site);
            }
        }
        for (Site site : ordered) {
            PlannedCell planned = synthetic.planned(site.cell);
            int line = site.cell.position(site.literal).line();
            Site first = firstUseOfValue.get(site.value);
            boolean output = writtenValue.get(site.value) && (first.firstUseIsWrite || !first.read);
            String key = site.value;
            String name = assignedByValue.get(key);
            if (name == null) {
                name = uniqueName(baseName(site), output ? outputNames : inputNames);
                assignedByValue.put(key, name);
                if (output) {
                    OutputSpec.Comparison compare = plan.options().tolerances().getOrDefault(name, OutputSpec.Comparison.BYTES);
                    next.output(new OutputSpec(name, relativeOutput(site.value), compare, site.value, planned.number(), line));
                } else {
                    boolean remote = site.value.matches("(?i)^(https?|s3|gs|gcs|hf|az|abfs)://.*");
                    next.input(new InputSpec(name, site.value, null, site.value, planned.number(), line, remote));
                }
            }
            String access = "CONFIG." + (output ? "outputs" : "inputs") + "[" + PythonText.string(name) + "]";
            edits.computeIfAbsent(site.cell.index(), k -> new ArrayList<>())
                    .add(new Fix.Edit(site.literal.startOffset(), site.literal.endOffset(), access));
            next.change(new Change(name(), planned.number(), line, "path " + PythonText.string(site.value) + " became "
                    + (output ? "output" : "input") + " '" + name + "' (" + access + ")"));
        }
        for (String tolerated : plan.options().tolerances().keySet()) {
            if (!outputNames.contains(tolerated)) {
                throw new dev.lockstep.extractor.ExtractException("--tolerance " + tolerated + ": the job has no output named '"
                        + tolerated + "'" + (outputNames.isEmpty() ? " (it writes no files)"
                        : " (its outputs: " + String.join(", ", new java.util.TreeSet<>(outputNames)) + ")"));
            }
        }
        List<PlannedCell> cells = CellEdits.apply(plan.cells(), kept, edits);
        return next.cells(cells).build();
    }

    /**
     * The literal behind a path argument: the argument itself, or the string a module-level
     * variable is bound to (once, in the whole notebook). Other expressions are not lifted.
     */
    private static Site siteOf(SyntheticNotebook synthetic, AnalyzedCell cell, SyntaxNode argument,
            Map<SyntaxNode, Site> sites, List<Site> ordered) {
        String value = StringLiterals.value(argument);
        if (value != null) {
            return site(argument, cell, value, null, sites, ordered);
        }
        if (argument.is("identifier") && !cell.semantics().isLocal(argument)) {
            List<Definition> definitions = synthetic.analyzed().definitionsOf(argument.text());
            if (definitions.size() != 1 || definitions.get(0).node() == null) {
                return null;
            }
            Definition definition = definitions.get(0);
            SyntaxNode assignment = definition.node().parent();
            if (assignment == null || !assignment.is("assignment") || assignment.child("left") != definition.node()) {
                return null;
            }
            SyntaxNode right = assignment.child("right");
            String bound = StringLiterals.value(right);
            if (bound == null) {
                return null;
            }
            return site(right, definition.cell(), bound, argument.text(), sites, ordered);
        }
        return null;
    }

    private static Site site(SyntaxNode literal, AnalyzedCell cell, String value, String variable,
            Map<SyntaxNode, Site> sites, List<Site> ordered) {
        if (value.isBlank() || value.contains("\n")) {
            return null;
        }
        return sites.computeIfAbsent(literal, k -> {
            Site s = new Site(literal, cell, value, variable);
            ordered.add(s);
            return s;
        });
    }

    /** A name from the variable ({@code DATA_PATH} -> {@code data}) or the file name ({@code out/adapter.pt} -> {@code adapter}). */
    static String baseName(Site site) {
        if (site.variable != null) {
            String v = site.variable.toLowerCase(Locale.ROOT).replaceAll("_?(path|file|filename|fn|dir|uri|url)$", "");
            if (!v.isBlank() && !v.equals("_")) {
                return identifier(v);
            }
        }
        String path = site.value.replace('\\', '/');
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.indexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        return identifier(stem.isBlank() ? "path" : stem.toLowerCase(Locale.ROOT));
    }

    private static String identifier(String text) {
        String id = text.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_");
        id = id.replaceAll("^_+|_+$", "");
        if (id.isEmpty()) {
            id = "path";
        }
        if (Character.isDigit(id.charAt(0))) {
            id = "p_" + id;
        }
        return id;
    }

    private static String uniqueName(String base, Set<String> taken) {
        String name = base;
        int n = 2;
        while (!taken.add(name)) {
            name = base + "_" + n++;
        }
        return name;
    }

    /** Outputs are written under each run's folder: keep relative paths, reduce absolute ones to their file name. */
    private static String relativeOutput(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:/.*")) {
            p = p.substring(p.lastIndexOf('/') + 1);
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
