package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.facts.io.Access;
import dev.lockstep.analyzer.facts.io.IoAccess;
import dev.lockstep.analyzer.facts.io.Shape;
import dev.lockstep.analyzer.facts.values.Contextual;
import dev.lockstep.analyzer.facts.values.Root;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.CellType;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.code.PythonText;
import dev.lockstep.extractor.code.TextEdits;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes the closure through the local modules the job ships: a file a shipped module reads
 * ({@code helpers.py} doing {@code pd.read_csv("data/x.csv")}) is a declared input of the job,
 * bound and hashed by {@link InputBindingPass} like the notebook's own reads. The module is
 * analysed by the same facts layer as the notebook (as a one-cell notebook), so the same calls
 * count as reads and the same value evaluator gives their paths.
 *
 * <p>A relative path is resolved from the notebook's folder: the notebook imported the module
 * while running there, so that was the working folder its reads resolved against. The job runs
 * from the job folder instead, so the shipped copy reads the input through the job's config
 * ({@code __import__("lockstep_config").load().inputs["x"]}): the string literal the path starts
 * with is rewritten (a folder constant the module joins file names to becomes a folder input).
 *
 * <p>A read whose place cannot be determined, and any write (it would land in the job folder,
 * outside the run folder, undeclared), is a blocker naming the module file and line.
 */
public final class ModuleInputsPass implements Pass {
    private static final NotebookAnalyzer ANALYZER = new NotebookAnalyzer();
    private static final String INPUTS = "__import__(\"lockstep_config\").load().inputs";

    @Override
    public String name() {
        return "module-inputs";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        ExtractionPlan.Builder next = plan.toBuilder();
        Set<String> names = new HashSet<>();
        Map<String, String> byPath = new HashMap<>();
        for (InputSpec input : plan.inputs()) {
            names.add(input.name());
            byPath.putIfAbsent(input.original(), input.name());
        }
        Path folder = plan.options().notebookDirectory();
        for (Map.Entry<String, Path> module : ShippedModules.of(plan).entrySet()) {
            if (module.getValue() == null) {
                continue; // not shipped: the dependency pass's blocker
            }
            for (Path source : ShippedModules.files(module.getKey(), module.getValue()).values()) {
                String display = folder == null ? source.getFileName().toString()
                        : folder.toAbsolutePath().relativize(source.toAbsolutePath()).toString().replace('\\', '/');
                new Module(plan, next, names, byPath, source, display).declare();
            }
        }
        return next.build();
    }

    /** One shipped Python file: its reads declared, its literals rewritten. */
    private final class Module {
        final ExtractionPlan plan;
        final ExtractionPlan.Builder next;
        final Set<String> names;
        final Map<String, String> byPath;
        final Path source;
        final String display;
        final List<Fix.Edit> edits = new ArrayList<>();
        final Set<Integer> rewritten = new HashSet<>();
        final Set<String> blocked = new HashSet<>();

        Module(ExtractionPlan plan, ExtractionPlan.Builder next, Set<String> names, Map<String, String> byPath, Path source,
                String display) {
            this.plan = plan;
            this.next = next;
            this.names = names;
            this.byPath = byPath;
            this.source = source;
            this.display = display;
        }

        void declare() {
            String text;
            try {
                text = Files.readString(source, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ExtractException("cannot read local module " + source + ": " + e.getMessage(), e);
            }
            Notebook original = plan.source().notebook();
            Notebook asNotebook = new Notebook(source.toString(), 4, 5, original.metadata(),
                    List.of(new Cell(0, "module", CellType.CODE, text, 1, List.of(), List.of())), original.sha256());
            AnalyzedNotebook analyzed = ANALYZER.analyze(asNotebook);
            analyzed.useCatalogue(plan.source().catalogue());
            for (IoAccess access : analyzed.facts().io().accesses()) {
                if (access.access() == Access.WRITE) {
                    block(access, "EX004", access.api().displayName() + " writes from a shipped module; the file lands in the job"
                            + " folder, outside the run folder, and no output declares it",
                            "return the result to the notebook and save it there, to a path extract can see");
                } else if (access.access().readsFiles()) {
                    for (Contextual context : access.values()) {
                        read(analyzed, access, context.value());
                    }
                }
            }
            if (!edits.isEmpty()) {
                next.rewrite(source, TextEdits.apply(text, edits));
            }
        }

        private void read(AnalyzedNotebook analyzed, IoAccess access, Value value) {
            String path = IoAccess.effectivePath(access.api(), value);
            if (path == null && InputOutputPass.fromListing(analyzed, access.cell(), access.argument(), 0)) {
                return; // a file a listing found: the listing's folder is the input
            }
            if (path == null) {
                block(access, "EX003", access.api().displayName() + " reads a place extract cannot determine ("
                        + abbreviate(access.argument() == null ? "" : access.argument().text()) + ")",
                        "build the path from a string constant in the module, or read the file in the notebook and pass the module its data");
                return;
            }
            if (path.isBlank() || path.contains("\n") || InputOutputPass.isSystemPath(path) || path.equals("-")
                    || InputOutputPass.REMOTE.matcher(path).matches()) {
                return; // remote reads are the dependency and remote-input rules' business
            }
            Root root = value instanceof Value.Str s ? s.root() : null;
            String rootText = root == null ? null : root.text();
            if (root == null || rootText.isBlank() || rootText.equals(".") || rootText.equals("./")) {
                block(access, "EX003", access.api().displayName() + " reads " + PythonText.string(path)
                        + " through a path extract cannot point at the job's input", "build the path from one string constant in the module");
                return;
            }
            if (!rewritten.add(root.literal().startOffset())) {
                return; // one literal, one input
            }
            String replacement;
            String what;
            if (access.shape() == Shape.PATTERN && InputOutputPass.GLOB.matcher(rootText).find()) {
                String[] split = InputOutputPass.splitPattern(rootText);
                String name = input(split[0], access);
                replacement = "(" + INPUTS + "[" + PythonText.string(name) + "] + " + PythonText.string("/" + split[1]) + ")";
                what = "folder input '" + name + "' (pattern " + PythonText.string(split[1]) + " inside it)";
            } else {
                String name = input(rootText, access);
                replacement = INPUTS + "[" + PythonText.string(name) + "]";
                what = (rootText.equals(path) ? "input '" : "folder input '") + name + "'";
            }
            SyntaxNode literal = root.literal();
            edits.add(new Fix.Edit(literal.startOffset(), literal.endOffset(), replacement));
            next.change(new Change(name(), 0, 0, display + ":" + root.cell().position(literal).line() + ": path "
                    + PythonText.string(rootText) + " became " + what + " (resolved from the notebook's folder)"));
        }

        /** The input for a path: the one the notebook already reads there, or a new one. */
        private String input(String path, IoAccess access) {
            String existing = byPath.get(path);
            if (existing != null) {
                return existing;
            }
            String base = InputOutputPass.baseName(null, path);
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                name = base + "_" + n;
            }
            next.input(new InputSpec(name, path, null, path, 0, access.line(), false));
            byPath.put(path, name);
            return name;
        }

        private void block(IoAccess access, String id, String message, String decision) {
            String text = display + ":" + access.line() + ": " + message;
            if (blocked.add(text)) {
                next.blocker(new Blocker(id, 0, 0, text, decision));
            }
        }
    }

    private static String abbreviate(String text) {
        String t = text.replaceAll("\\s+", " ");
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
