package dev.lockstep.extractor.emit;

import dev.lockstep.analyzer.python.PythonParser;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.passes.DependencyPass;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import dev.lockstep.extractor.plan.OutputSpec;
import dev.lockstep.extractor.plan.Param;
import dev.lockstep.extractor.plan.PlannedCell;
import dev.lockstep.extractor.plan.Requirement;
import dev.lockstep.jobformat.LauncherFlags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a finished plan into the job's files, as bytes by relative path. Rendering is pure:
 * the same plan gives the same bytes. Every generated Python file is parsed again and must
 * have no syntax error.
 */
public final class JobRenderer {
    public static final String CONFIG = "lockstep.yaml";
    public static final String MAIN = "pipeline/main.py";
    public static final String CONFIG_LOADER = "pipeline/lockstep_config.py";
    public static final String REQUIREMENTS = "pipeline/requirements.txt";
    public static final String README = "README.md";
    public static final String REPORT = "extraction.json";

    private JobRenderer() {
    }

    public static Map<String, byte[]> render(ExtractionPlan plan) {
        Map<String, byte[]> files = new TreeMap<>();
        String main = Templates.render("main.py.mustache", mainScope(plan));
        requireParses(MAIN, main);
        files.put(MAIN, Templates.utf8(main));
        byte[] loader = Templates.resource("lockstep_config.py");
        requireParses(CONFIG_LOADER, new String(loader, java.nio.charset.StandardCharsets.UTF_8));
        files.put(CONFIG_LOADER, loader);
        files.put(CONFIG, Templates.utf8(Templates.render("lockstep.yaml.mustache", configScope(plan))));
        files.put(REQUIREMENTS, Templates.utf8(Templates.render("requirements.txt.mustache", requirementsScope(plan))));
        files.put(README, Templates.utf8(Templates.render("README.md.mustache", readmeScope(plan))));
        files.put(REPORT, Templates.utf8(ExtractionReport.json(plan)));
        for (var shipped : plan.shipped().entrySet()) {
            String text = plan.rewritten().get(shipped.getValue());
            if (text != null) {
                files.put(shipped.getKey(), Templates.utf8(text));
                continue;
            }
            try {
                files.put(shipped.getKey(), java.nio.file.Files.readAllBytes(shipped.getValue()));
            } catch (java.io.IOException e) {
                throw new ExtractException("cannot read " + shipped.getValue() + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** Every generated Python file must parse: a broken job is worse than none. */
    static void requireParses(String file, String python) {
        var problems = new PythonParser().parse(python).problems();
        if (!problems.isEmpty()) {
            var first = problems.get(0);
            throw new ExtractException("internal error: generated " + file + " does not parse at line " + (first.line() + 1)
                    + ": " + first.message());
        }
    }

    /** Where the job's code reads an input: a notebook cell, or (cell 0) a local module the job ships. */
    static String readAt(InputSpec input) {
        return input.cell() > 0 ? "cell " + input.cell() : "in a local module the job ships";
    }

    private static Map<String, Object> mainScope(ExtractionPlan plan) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("notebook", plan.notebookName());
        scope.put("notebookSha256", plan.source().notebook().sha256());
        boolean determinism = plan.options().determinism();
        scope.put("determinism", determinism);
        for (String framework : List.of("random", "numpy", "torch", "tensorflow", "jax", "transformers")) {
            scope.put(framework, determinism && plan.frameworks().contains(framework));
        }
        List<Map<String, Object>> cells = new ArrayList<>();
        java.util.Set<String> futureImports = new java.util.LinkedHashSet<>();
        for (PlannedCell cell : plan.keptCells()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("number", cell.number());
            c.put("id", cell.id());
            c.put("code", withoutFutureImports(cell.code(), futureImports).stripTrailing());
            cells.add(c);
        }
        scope.put("cells", cells);
        scope.put("futureImports", List.copyOf(futureImports));
        return scope;
    }

    /**
     * Moves {@code from __future__ import ...} statements out of a cell: Python accepts them only
     * at the top of a module, so the script states them once, before its prelude.
     */
    private static String withoutFutureImports(String code, java.util.Set<String> collected) {
        var root = new PythonParser().parse(code).root();
        List<Fix.Edit> edits = new ArrayList<>();
        for (var statement : root.namedChildren()) {
            if (statement.is("future_import_statement")) {
                collected.add(statement.text());
                int end = statement.endOffset() < code.length() && code.charAt(statement.endOffset()) == '\n'
                        ? statement.endOffset() + 1 : statement.endOffset();
                edits.add(new Fix.Edit(statement.startOffset(), end, ""));
            }
        }
        return edits.isEmpty() ? code : dev.lockstep.extractor.code.TextEdits.apply(code, edits);
    }

    private static Map<String, Object> configScope(ExtractionPlan plan) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("notebook", YamlScalars.string(plan.notebookName()));
        scope.put("notebookSha256", YamlScalars.string(plan.source().notebook().sha256()));
        scope.put("seed", Long.toString(plan.options().seed()));
        List<Map<String, String>> params = new ArrayList<>();
        for (Param p : sortedParams(plan)) {
            params.add(Map.of("name", p.name(), "value", YamlScalars.value(p.value())));
        }
        scope.put("params", params);
        scope.put("hasParams", !params.isEmpty());
        List<Map<String, String>> inputs = new ArrayList<>();
        for (InputSpec i : sortedInputs(plan)) {
            inputs.add(Map.of("name", i.name(), "path", YamlScalars.string(withoutFolderSlash(i.path())), "kindPart",
                    kindPart(i.path()), "sha256", i.sha256() == null ? "~" : YamlScalars.string(i.sha256())));
        }
        scope.put("inputs", inputs);
        scope.put("hasInputs", !inputs.isEmpty());
        List<Map<String, String>> outputs = new ArrayList<>();
        for (OutputSpec o : sortedOutputs(plan)) {
            outputs.add(Map.of("name", o.name(), "path", YamlScalars.string(withoutFolderSlash(o.path())), "kindPart",
                    kindPart(o.path()), "compare", compare(o.compare(), true)));
        }
        scope.put("outputs", outputs);
        scope.put("hasOutputs", !outputs.isEmpty());
        scope.put("environment", YamlScalars.flowMap(plan.environment()));
        scope.put("secrets", YamlScalars.flowList(plan.secrets(), false));
        scope.put("accelerator", plan.accelerator());
        scope.put("acceleratorCount", plan.accelerator().equals("cpu") ? "0" : "1");
        scope.put("imports", YamlScalars.flowList(DependencyPass.interpreterImports(plan), false));
        return scope;
    }

    /**
     * A plan path that ends with "/" names a folder (a {@code save_pretrained} directory, a folder
     * of data files): lockstep.yaml gets the path without the slash and {@code kind: folder}, and
     * the runtime hashes and compares it file by file.
     */
    static boolean isFolder(String path) {
        return path != null && path.length() > 1 && path.endsWith("/");
    }

    private static String withoutFolderSlash(String path) {
        return isFolder(path) ? path.substring(0, path.length() - 1) : path;
    }

    private static String kindPart(String path) {
        return isFolder(path) ? "kind: " + dev.lockstep.jobformat.PathKind.FOLDER.yaml() + ", " : "";
    }

    static String compare(OutputSpec.Comparison comparison, boolean yaml) {
        if (comparison.isBytes()) {
            return "bytes";
        }
        List<String> parts = new ArrayList<>();
        if (comparison.atol() != null) {
            parts.add("atol: " + YamlScalars.value(comparison.atol()));
        }
        if (comparison.rtol() != null) {
            parts.add("rtol: " + YamlScalars.value(comparison.rtol()));
        }
        return yaml ? "{" + String.join(", ", parts) + "}" : "within " + String.join(", ", parts);
    }

    private static Map<String, Object> requirementsScope(ExtractionPlan plan) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (Requirement r : plan.requirements()) {
            lines.add(Map.of("line", r.pinned() ? r.line() : r.line() + "  # unpinned: a blocker"));
        }
        return Map.of("requirements", lines);
    }

    private static Map<String, Object> readmeScope(ExtractionPlan plan) {
        Map<String, Object> scope = new LinkedHashMap<>();
        String stem = plan.notebookName().replaceAll("\\.ipynb$", "");
        scope.put("title", stem + " (Lockstep job)");
        scope.put("notebook", plan.notebookName());
        scope.put("notebookSha256", plan.source().notebook().sha256());
        List<Map<String, Object>> blockers = new ArrayList<>();
        for (Blocker b : plan.blockers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", b.ruleId());
            m.put("where", b.cell() == 0 ? "(whole notebook)" : "cell " + b.cell() + (b.line() > 0 ? ", line " + b.line() : ""));
            m.put("message", LocalPaths.scrub(b.message(), plan));
            m.put("decision", LocalPaths.scrub(b.decision(), plan));
            blockers.add(m);
        }
        scope.put("blockers", blockers);
        scope.put("hasBlockers", !blockers.isEmpty());
        installScope(plan, scope);
        scope.put("seed", plan.options().seed());
        List<Map<String, Object>> params = new ArrayList<>();
        for (Param p : sortedParams(plan)) {
            params.add(Map.of("name", p.name(), "value", YamlScalars.value(p.value()), "cell", p.cell(), "line", p.line(),
                    "source", p.source()));
        }
        scope.put("params", params);
        List<Map<String, Object>> inputs = new ArrayList<>();
        Map<LauncherFlags.Named, String> flags = runJobFlags(plan);
        StringBuilder bindAll = new StringBuilder();
        StringBuilder bindAllCli = new StringBuilder();
        for (InputSpec i : sortedInputs(plan)) {
            Map<String, Object> m = new LinkedHashMap<>();
            String flag = flags.get(new LauncherFlags.Named(LauncherFlags.Kind.INPUT, i.name()));
            m.put("name", i.name());
            m.put("sha256", i.sha256());
            m.put("original", i.original());
            m.put("cell", readAt(i));
            m.put("runJobOption", flag);
            m.put("where", inputWhere(i));
            if (!i.bound()) {
                bindAll.append(' ').append(flag).append(" PATH");
                bindAllCli.append(" --input ").append(i.name()).append("=PATH");
            }
            inputs.add(m);
        }
        scope.put("inputs", inputs);
        scope.put("hasInputs", !inputs.isEmpty());
        scope.put("bindAll", bindAll.toString());
        scope.put("bindAllCli", bindAllCli.toString());
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (OutputSpec o : sortedOutputs(plan)) {
            outputs.add(Map.of("name", o.name(), "path", o.path(), "compare", compare(o.compare(), false), "cell", o.cell()));
        }
        scope.put("outputs", outputs);
        List<Map<String, String>> environment = new ArrayList<>();
        plan.environment().forEach((k, v) -> environment.add(Map.of("name", k, "value", v)));
        scope.put("environmentList", environment);
        List<Map<String, Object>> reads = new ArrayList<>();
        for (var read : ExtractionReport.environmentReads(plan)) {
            reads.add(Map.of("code", read.code(), "cell", read.cell().number(), "line", read.line()));
        }
        scope.put("environmentReads", reads);
        scope.put("secrets", List.copyOf(plan.secrets()));
        scope.put("accelerator", plan.accelerator());
        scope.put("orderReason", plan.order() == null ? "" : plan.order().reason());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (PlannedCell c : plan.cells()) {
            cells.add(Map.of("number", c.number(), "kept", c.kept() ? "yes" : "no",
                    "reason", c.reason().replace("|", "\\|")));
        }
        scope.put("cells", cells);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Change c : plan.changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell", c.cell() == 0 ? "-" : Integer.toString(c.cell()));
            m.put("line", c.line() > 0 ? c.line() : null);
            m.put("pass", c.pass());
            m.put("summary", LocalPaths.scrub(c.summary(), plan));
            changes.add(m);
        }
        scope.put("changes", changes);
        return scope;
    }

    /** Where an input is, for the README: never an absolute path of the machine that extracted the job. */
    private static String inputWhere(InputSpec input) {
        if (!input.bound()) {
            return "**unbound**: the notebook read `" + input.original() + "`, which is not on the machine that"
                    + " extracted the job; bind it before the first run.";
        }
        String sha = "sha256 `" + input.sha256() + "`";
        if (LocalPaths.insideJob(input.path())) {
            return "`" + input.path() + "` in this job (" + sha + "); nothing to bind.";
        }
        return "outside this job, where the notebook read it on the machine that extracted it (" + sha + "). There it"
                + " runs as it is; anywhere else, bind a copy with that sha256 (or extract again with `--carry-inputs`"
                + " to copy it into the job).";
    }

    /** The pip and Debian install lines for the README. */
    private static void installScope(ExtractionPlan plan, Map<String, Object> scope) {
        java.util.TreeSet<String> debian = new java.util.TreeSet<>();
        List<String> covered = new ArrayList<>();
        List<String> pipOnly = new ArrayList<>();
        for (Requirement r : plan.requirements()) {
            java.util.Optional<String> pkg = DebianPackages.of(r.distribution());
            if (pkg.isPresent()) {
                debian.add(pkg.get());
                covered.add(r.distribution());
            } else {
                pipOnly.add(r.distribution());
            }
        }
        scope.put("hasDebianPackages", !debian.isEmpty());
        scope.put("debianPackages", String.join(" ", debian));
        scope.put("debianCovers", pipOnly.isEmpty() ? "all of them" : String.join(", ", covered));
        scope.put("hasPipOnly", !pipOnly.isEmpty() && !debian.isEmpty());
        scope.put("pipOnly", String.join(", ", pipOnly));
    }

    /** RunJob.java's option for each parameter and input (the same names LauncherFiles gives them). */
    static Map<LauncherFlags.Named, String> runJobFlags(ExtractionPlan plan) {
        List<LauncherFlags.Named> named = new ArrayList<>();
        sortedParams(plan).forEach(p -> named.add(new LauncherFlags.Named(LauncherFlags.Kind.PARAM, p.name())));
        sortedInputs(plan).forEach(i -> named.add(new LauncherFlags.Named(LauncherFlags.Kind.INPUT, i.name())));
        return LauncherFlags.flags(named);
    }

    static List<Param> sortedParams(ExtractionPlan plan) {
        return plan.params().stream().sorted(Comparator.comparing(Param::name)).toList();
    }

    static List<InputSpec> sortedInputs(ExtractionPlan plan) {
        return plan.inputs().stream().sorted(Comparator.comparing(InputSpec::name)).toList();
    }

    static List<OutputSpec> sortedOutputs(ExtractionPlan plan) {
        return plan.outputs().stream().sorted(Comparator.comparing(OutputSpec::name)).toList();
    }
}
