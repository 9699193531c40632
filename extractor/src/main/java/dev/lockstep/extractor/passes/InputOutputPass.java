package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.facts.io.Access;
import dev.lockstep.analyzer.facts.io.IoAccess;
import dev.lockstep.analyzer.facts.io.IoFacts;
import dev.lockstep.analyzer.facts.io.Shape;
import dev.lockstep.analyzer.facts.values.Contextual;
import dev.lockstep.analyzer.facts.values.Root;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.code.CellEdits;
import dev.lockstep.extractor.code.PythonText;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.plan.Blocker;
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
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Pass 4: completes the job's closure. Every place the kept code reads (files, folders, glob
 * patterns) becomes a named {@code input}; every place it writes becomes a named {@code output}
 * under the run's folder; the script reads both from the config. Places come from the analyzer's
 * I/O facts (one catalogue shared with the rules), their values from its value evaluator, so a
 * path built with {@code os.path.join}, {@code pathlib} or an f-string counts as much as a literal.
 *
 * <p>How a place moves: a call whose path has one value gets its path argument replaced
 * ({@code CONFIG.outputs["adapter"]}). Paths built from one string literal that only writes go
 * through ({@code OUT = "/home/me/out"} with {@code save_fig(name)} helpers, {@code os.makedirs(OUT)})
 * move together: that literal is rewritten to the run folder's copy, and each file written under
 * it is declared. A literal that only reads through helper calls becomes a folder input. A place
 * whose value cannot be determined, or that cannot be moved, is a blocker naming cell and line.
 *
 * <p>Binding (hashing the file) happens in {@link InputBindingPass}; this pass finds and names.
 */
public final class InputOutputPass implements Pass {
    static final Pattern REMOTE = Pattern.compile("(?i)^(https?|s3|gs|gcs|hf|az|abfs|ftp)://.*");
    static final Pattern GLOB = Pattern.compile("[*?\\[]");

    @Override
    public String name() {
        return "inputs-outputs";
    }

    /** One value one access gives its place, in one context. */
    private record Place(IoAccess access, Value.Str value, String path, Contextual context, boolean single) {
        AnalyzedCell cell() {
            return access.cell();
        }

        boolean writes() {
            return access.access().changesFiles();
        }

        boolean declaresOutput() {
            return access.access() == Access.WRITE;
        }
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        List<PlannedCell> kept = plan.keptCells();
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source(), kept);
        IoFacts io = synthetic.analyzed().facts().io();
        State state = new State(plan, synthetic);
        List<Place> places = new ArrayList<>();
        for (IoAccess access : io.accesses()) {
            collect(access, places, state);
        }
        // Paths the job writes before (or without) reading them are outputs wherever they are spelled.
        Map<String, Boolean> firstIsWrite = new HashMap<>();
        for (Place place : places) {
            if (place.access().access() == Access.WRITE || place.access().access().readsFiles()) {
                firstIsWrite.putIfAbsent(place.path(), place.access().access() == Access.WRITE);
            }
        }
        Set<String> written = new HashSet<>();
        places.stream().filter(Place::declaresOutput).forEach(p -> written.add(p.path()));
        // Group by the literal each value starts with: a root that only writes moves as a whole.
        Map<SyntaxNode, List<Place>> byRoot = new IdentityHashMap<>();
        List<SyntaxNode> rootOrder = new ArrayList<>();
        for (Place place : places) {
            Root root = place.value().root();
            if (root != null && !movesAlone(place, root)) {
                byRoot.computeIfAbsent(root.literal(), k -> {
                    rootOrder.add(k);
                    return new ArrayList<>();
                }).add(place);
            }
        }
        Set<Place> moved = new HashSet<>();
        for (SyntaxNode literal : rootOrder) {
            List<Place> group = byRoot.get(literal);
            boolean writesOnly = group.stream().allMatch(p -> p.writes() || written.contains(p.path()))
                    && group.stream().anyMatch(Place::declaresOutput);
            boolean multiContext = group.stream().anyMatch(p -> !p.single());
            boolean readsTheLiteral = group.stream().allMatch(p -> p.access().access() == Access.READ && p.single()
                    && p.path().equals(root(p).text()) && !written.contains(p.path()));
            if (writesOnly && moveWriteRoot(group, state)) {
                moved.addAll(group);
            } else if (readsTheLiteral && moveReadFile(group, state)) {
                moved.addAll(group);
            } else if (multiContext && group.stream().allMatch(p -> p.access().access().readsFiles()) && moveReadRoot(group, state)) {
                moved.addAll(group);
            }
        }
        List<Place> deletions = new ArrayList<>();
        List<Place> folders = new ArrayList<>();
        for (Place place : places) {
            if (moved.contains(place)) {
                continue;
            }
            if (!place.single()) {
                state.block(place, "EX003", place.access().api().displayName() + " " + verb(place) + " a path that changes from call to call ("
                        + PythonText.string(place.path()) + " for one of them)",
                        "build the path from one folder constant the job can move (OUT = \"out\"; os.path.join(OUT, name)), then extract again");
                continue;
            }
            boolean output = written.contains(place.path()) && firstIsWrite.getOrDefault(place.path(), true);
            if (place.access().access() == Access.DELETE) {
                deletions.add(place);
                continue;
            }
            if (place.access().access() == Access.MKDIR) {
                folders.add(place);
                continue;
            }
            state.argumentMove(place, output);
        }
        // After every output is declared: a folder made for an output is made where the output goes.
        for (Place folder : folders) {
            state.folderFor(folder);
        }
        // After every output is declared: a deletion of one of them may come before its declaring write in `places`.
        for (Place deletion : deletions) {
            String output = state.outputByPath.get(deletion.path());
            SyntaxNode statement = deletion.access().call() == null ? null : statementOf(deletion.access().call().node());
            if (output != null && statement != null) {
                state.keepOutput(deletion.cell(), statement, output, deletion.path());
            } else if (isOutsideRunFolder(deletion.path())) {
                state.block(deletion, "EX004", deletion.access().api().displayName() + " changes " + PythonText.string(deletion.path())
                        + ", outside the job's run folder", "create and remove only folders under the paths the job writes");
            }
        }
        shellEscapes(synthetic, state);
        state.coverNestedOutputs();
        if (state.outputNames.isEmpty() && plan.blockers().stream().noneMatch(b -> b.ruleId().equals("EX001"))) {
            state.next.blocker(new Blocker("EX001", 0, 0, "the job declares no output: nothing it writes can be compared between runs",
                    "save what the notebook produces (a model, metrics, predictions) to a file with a path extract can see, then extract again"));
        }
        for (String tolerated : plan.options().tolerances().keySet()) {
            if (!state.outputNames.contains(tolerated)) {
                throw new ExtractException("--tolerance " + tolerated + ": the job has no output named '" + tolerated + "'"
                        + (state.outputNames.isEmpty() ? " (it writes no files)"
                        : " (its outputs: " + String.join(", ", new TreeSet<>(state.outputNames)) + ")"));
            }
        }
        List<PlannedCell> cells = CellEdits.apply(plan.cells(), kept, state.edits);
        return state.next.cells(cells).build();
    }

    /**
     * Paths inside shell escapes (the IPython pass made them {@code subprocess.run} calls): a word
     * that names a file or folder beside the notebook, or a path the job already declares, is an
     * input too, and the word is rewritten to the config's path ({@code !head -4 data/x.csv}).
     */
    private static void shellEscapes(SyntheticNotebook synthetic, State state) {
        for (var call : synthetic.analyzed().calls()) {
            if (!call.is("subprocess.run") || call.positional().isEmpty() || !call.positional().get(0).is("list")) {
                continue;
            }
            List<SyntaxNode> words = call.positional().get(0).namedChildren();
            if (words.isEmpty() || words.stream().anyMatch(w -> !w.is("string"))) {
                continue;
            }
            String program = dev.lockstep.analyzer.semantics.StringLiterals.value(words.get(0));
            if ("bash".equals(program) && words.size() == 3) {
                String script = dev.lockstep.analyzer.semantics.StringLiterals.value(words.get(2));
                if (script == null) {
                    continue;
                }
                List<String> pieces = new ArrayList<>();
                StringBuilder literal = new StringBuilder();
                boolean changed = false;
                java.util.regex.Matcher m = Pattern.compile("\\S+|\\s+").matcher(script);
                while (m.find()) {
                    String token = m.group();
                    String output = token.isBlank() || token.startsWith("-") ? null : state.outputByPath.get(shellPath(token));
                    String name = output != null || token.isBlank() || token.startsWith("-") ? null : state.shellInput(call, token);
                    if (name == null && output == null) {
                        literal.append(token);
                        continue;
                    }
                    if (literal.length() > 0) {
                        pieces.add(PythonText.string(literal.toString()));
                        literal.setLength(0);
                    }
                    pieces.add("__import__(\"shlex\").quote(CONFIG." + (output != null ? "outputs[" + PythonText.string(output)
                            : "inputs[" + PythonText.string(name)) + "])");
                    changed = true;
                }
                if (changed) {
                    if (literal.length() > 0) {
                        pieces.add(PythonText.string(literal.toString()));
                    }
                    state.edit(call.cell(), words.get(2), String.join(" + ", pieces));
                }
                continue;
            }
            List<SyntaxNode> operands = words.subList(1, words.size()).stream()
                    .filter(w -> !dev.lockstep.analyzer.semantics.StringLiterals.value(w).startsWith("-")).toList();
            SyntaxNode statement = statementOf(call.node());
            if (DELETING_PROGRAMS.contains(program) && !operands.isEmpty() && statement != null
                    && operands.stream().allMatch(w -> state.outputByPath.containsKey(shellPath(
                            dev.lockstep.analyzer.semantics.StringLiterals.value(w))))) {
                for (SyntaxNode operand : operands) {
                    String path = shellPath(dev.lockstep.analyzer.semantics.StringLiterals.value(operand));
                    state.keepOutput(call.cell(), statement, state.outputByPath.get(path), path);
                }
                continue;
            }
            for (SyntaxNode word : operands) {
                String text = dev.lockstep.analyzer.semantics.StringLiterals.value(word);
                if (text == null || !state.free(call.cell(), word)) {
                    continue;
                }
                String output = state.outputByPath.get(shellPath(text));
                if (output != null) {
                    // A later look at a file the job wrote reads it where the job writes it.
                    state.edit(call.cell(), word, "CONFIG.outputs[" + PythonText.string(output) + "]");
                    state.change(call.cell(), word, "path " + PythonText.string(text) + " in a shell command became output '" + output + "'");
                    continue;
                }
                String name = state.shellInput(call, text);
                if (name != null) {
                    state.edit(call.cell(), word, "CONFIG.inputs[" + PythonText.string(name) + "]");
                }
            }
        }
    }

    /** Shell programs that delete the files they name. */
    private static final Set<String> DELETING_PROGRAMS = Set.of("rm", "unlink");

    /** A shell word as a path: quotes and leading {@code ./} removed. */
    private static String shellPath(String word) {
        String path = word.replaceAll("^['\"]|['\"]$", "");
        while (path.startsWith("./") && path.length() > 2) {
            path = path.substring(2);
        }
        return path;
    }

    /** The expression statement a call is the whole of, or null when the call is part of a larger expression. */
    private static SyntaxNode statementOf(SyntaxNode call) {
        SyntaxNode parent = call.parent();
        return parent != null && parent.is("expression_statement") && parent.namedChildren().size() == 1 ? parent : null;
    }

    /**
     * Whether an expression's value comes from a directory listing the job declares
     * ({@code for path in glob.glob(...)}, {@code shards = sorted(glob.glob(...))}): a name bound
     * by a loop over, or an assignment from, an expression holding a listing call.
     */
    static boolean fromListing(dev.lockstep.analyzer.analysis.AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression, int depth) {
        if (expression == null || depth > 6) {
            return false;
        }
        for (SyntaxNode node : expression.find(n -> n.is("call") || n.is("identifier"))) {
            if (node.is("call")) {
                var call = notebook.callAt(node);
                if (call != null && notebook.facts().io().at(call).stream().anyMatch(a -> a.access() == Access.LIST)) {
                    return true;
                }
                continue;
            }
            for (SyntaxNode loop = node.parent(); loop != null; loop = loop.parent()) {
                if ((loop.is("for_statement") || loop.is("for_in_clause")) && loop.child("left") != null
                        && loop.child("left").find(n -> n.is("identifier") && n.text().equals(node.text())).size() > 0
                        && loop.child("right") != null && loop.child("right") != expression
                        && fromListing(notebook, cell, loop.child("right"), depth + 1)) {
                    return true;
                }
                if (loop.is("list_comprehension") || loop.is("generator_expression") || loop.is("set_comprehension")
                        || loop.is("dictionary_comprehension")) {
                    for (SyntaxNode clause : loop.namedChildren()) {
                        if (clause.is("for_in_clause") && clause.child("left") != null
                                && clause.child("left").text().equals(node.text())
                                && fromListing(notebook, cell, clause.child("right"), depth + 1)) {
                            return true;
                        }
                    }
                }
            }
            if (!cell.semantics().isLocal(node)) {
                for (var definition : notebook.definitionsOf(node.text())) {
                    SyntaxNode bound = definition.node() == null ? null : definition.node().parent();
                    if (bound != null && bound.is("assignment") && bound.child("right") != null
                            && fromListing(notebook, definition.cell(), bound.child("right"), depth + 1)) {
                        return true;
                    }
                    if (bound != null && (bound.is("for_statement")) && fromListing(notebook, definition.cell(), bound.child("right"), depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Turns an access's values into places, or blockers where a value is not known. */
    private static void collect(IoAccess access, List<Place> places, State state) {
        Access kind = access.access();
        boolean hub = kind == Access.HUB_LOAD && access.api().localOrHub();
        if (!kind.readsFiles() && !kind.changesFiles() && !hub) {
            return; // downloads, hub loads and pushes are the dependency and remote-input rules' business
        }
        boolean single = access.values().size() == 1 && access.values().get(0).via() == null;
        for (Contextual context : access.values()) {
            Value value = context.value();
            String path = IoAccess.effectivePath(access.api(), value);
            if (hub) {
                if (path == null || !(IoFacts.looksLocal(path) || state.existsBesideNotebook(path))) {
                    continue; // a hub id: LS204/LS206 decide
                }
            } else if (path == null && kind.readsFiles() && fromListing(state.synthetic.analyzed(), access.cell(), access.argument(), 0)) {
                continue; // a file a listing found: the listing's folder is the input
            } else if (path == null) {
                String known = value instanceof Value.Str s ? s.text() : "";
                if (kind.changesFiles() && isOutsideRunFolder(known)) {
                    state.block(access, "EX004", access.api().displayName() + " writes under " + PythonText.string(known)
                            + ", outside the job's run folder, at a place extract cannot determine",
                            "write under one folder constant (OUT = \"out\") so extract can move it into the run folder");
                } else {
                    state.block(access, "EX003", access.api().displayName() + " " + verb(kind) + " "
                            + (known.isEmpty() ? "a place" : "under " + PythonText.string(known)) + " extract cannot determine ("
                            + abbreviate(access.argument().text()) + ")",
                            kind.changesFiles() ? "write to a path built from constants, or declare the output by hand"
                                    : "read from a path built from constants, or bind the data with --input");
                }
                continue;
            }
            if (path.isBlank() || path.contains("\n") || isSystemPath(path) || path.equals("-")) {
                continue;
            }
            Value.Str str = (Value.Str) value;
            places.add(new Place(access, str, path, context, single));
        }
    }

    /** A literal that is itself the whole argument of one call moves with that call. */
    private static boolean movesAlone(Place place, Root root) {
        return place.single() && place.value().suffixAfterRoot().isEmpty() && place.access().argument() != null
                && root.cell().index() == place.cell().index() && place.access().argument().contains(root.literal())
                && place.path().equals(root.text());
    }

    /** Moves a literal that only writes into the run folder, declaring each file written under it. */
    private static boolean moveWriteRoot(List<Place> group, State state) {
        Root root = group.get(0).value().root();
        String base = runRelative(root.text());
        Place anchor = null;
        List<Place> outputs = new ArrayList<>();
        for (Place place : group) {
            String suffix = place.path().substring(Math.min(root.text().length(), place.path().length()));
            if (!place.path().startsWith(root.text()) || !normalForm(suffix)) {
                return false;
            }
            if (place.declaresOutput()) {
                outputs.add(place);
                if (anchor == null) {
                    anchor = place;
                }
            }
        }
        if (anchor == null || !state.free(root.cell(), root.literal())) {
            return false;
        }
        Map<String, String> namesByPath = new LinkedHashMap<>();
        for (Place place : outputs) {
            String suffix = place.path().substring(root.text().length());
            String relative = joinRelative(base, root.text(), suffix);
            if (!namesByPath.containsKey(place.path())) {
                String name = state.declareOutput(place, relative, baseName(suffix.isEmpty() ? variableOf(root) : null, place.path()));
                namesByPath.put(place.path(), name);
            }
        }
        String anchorSuffix = anchor.path().substring(root.text().length());
        String anchorName = namesByPath.get(anchor.path());
        String access = "CONFIG.outputs[" + PythonText.string(anchorName) + "]"
                + (anchorSuffix.isEmpty() ? "" : "[:-len(" + PythonText.string(anchorSuffix) + ")]");
        state.edit(root.cell(), root.literal(), access);
        state.change(root.cell(), root.literal(), "path " + PythonText.string(root.text()) + " became the run folder's "
                + PythonText.string(base) + " (" + String.join(", ", namesByPath.values().stream().map(n -> "output '" + n + "'").toList())
                + " written under it)");
        return true;
    }

    private static Root root(Place place) {
        return place.value().root();
    }

    /** A literal bound to a name and read as it is ({@code TRAIN_PATH = "data/train.csv"}) becomes an input where it is bound. */
    private static boolean moveReadFile(List<Place> group, State state) {
        Place first = group.get(0);
        Root root = root(first);
        if (!state.free(root.cell(), root.literal())) {
            return false;
        }
        String name = state.declareInput(first, first.path(), baseName(variableOf(root), first.path()));
        String access = "CONFIG.inputs[" + PythonText.string(name) + "]";
        state.edit(root.cell(), root.literal(), access);
        state.change(root.cell(), root.literal(), "path " + PythonText.string(first.path()) + " became input '" + name + "' (" + access + ")");
        return true;
    }

    /** A literal read through helper calls (one file per call) becomes a folder input. */
    private static boolean moveReadRoot(List<Place> group, State state) {
        Root root = group.get(0).value().root();
        if (!state.free(root.cell(), root.literal()) || root.text().isEmpty()) {
            return false;
        }
        String name = state.declareInput(group.get(0), root.text(), baseName(variableOf(root), root.text()));
        state.edit(root.cell(), root.literal(), "CONFIG.inputs[" + PythonText.string(name) + "]");
        state.change(root.cell(), root.literal(), "folder " + PythonText.string(root.text()) + " became input '" + name + "'");
        return true;
    }

    /** What extract has decided so far, and the edits it will make. */
    private final class State {
        final ExtractionPlan plan;
        final SyntheticNotebook synthetic;
        final ExtractionPlan.Builder next;
        final Map<Integer, List<Fix.Edit>> edits = new HashMap<>();
        final Set<String> inputNames = new HashSet<>();
        final Set<String> outputNames = new HashSet<>();
        final Map<String, String> inputByPath = new HashMap<>();
        final Map<String, String> outputByPath = new HashMap<>();
        final Map<String, String> outputByRelative = new HashMap<>();
        final Map<String, String> folderOutputs = new HashMap<>();
        final Set<String> blocked = new HashSet<>();

        State(ExtractionPlan plan, SyntheticNotebook synthetic) {
            this.plan = plan;
            this.synthetic = synthetic;
            this.next = plan.toBuilder();
        }

        boolean existsBesideNotebook(String path) {
            java.nio.file.Path dir = plan.options().notebookDirectory();
            try {
                return dir != null && !path.startsWith("~") && java.nio.file.Files.exists(dir.resolve(path));
            } catch (java.nio.file.InvalidPathException e) {
                return false;
            }
        }

        /**
         * The input a shell word names: one the job already declares by that path, or a file or
         * folder beside the notebook (declared now); null for anything else.
         */
        String shellInput(dev.lockstep.analyzer.analysis.CallSite call, String word) {
            String path = shellPath(word);
            if (path.isEmpty() || path.equals(".") || path.equals("..") || REMOTE.matcher(path).matches() || GLOB.matcher(path).find()) {
                return null;
            }
            String existing = inputByPath.get(path);
            if (existing != null) {
                return existing;
            }
            if (outputByPath.containsKey(path) || !path.contains("/") && !path.contains(".") || !existsBesideNotebook(path)) {
                return null;
            }
            String name = uniqueName(baseName(null, path), inputNames);
            next.input(new InputSpec(name, path, null, path, synthetic.planned(call.cell()).number(),
                    call.cell().position(call.node()).line(), false));
            inputByPath.put(path, name);
            next.change(new Change(InputOutputPass.this.name(), synthetic.planned(call.cell()).number(),
                    call.cell().position(call.node()).line(), "path " + PythonText.string(path) + " in a shell command became input '" + name + "'"));
            return name;
        }

        /**
         * A statement that deletes a declared output ({@code !rm some_array.npy}, {@code os.remove(path)}
         * after the notebook saved it, to tidy up) becomes {@code pass}: the job exists to keep what
         * the notebook made, and verify compares it. Named in the plan's changes, never silent.
         */
        void keepOutput(AnalyzedCell cell, SyntaxNode statement, String output, String path) {
            if (!free(cell, statement)) {
                return;
            }
            edit(cell, statement, "pass");
            change(cell, statement, "dropped the deletion of " + PythonText.string(path) + ": it is output '" + output
                    + "', which the job keeps for verify to compare");
        }

        /**
         * A folder the notebook creates ({@code os.makedirs(os.path.join('..', 'data'))}) for a file
         * it then writes: created inside the run folder, where that output goes. A folder outside the
         * run folder that holds no output is a blocker.
         */
        void folderFor(Place folder) {
            String path = stripSlash(folder.path());
            String output = null;
            String rest = null;
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(outputByPath).entrySet()) {
                if (entry.getKey().startsWith(path + "/")) {
                    output = entry.getValue();
                    rest = entry.getKey().substring(path.length());
                    break;
                }
            }
            SyntaxNode argument = folder.access().argument();
            if (output != null && argument != null && free(folder.cell(), argument)) {
                String replacement = "CONFIG.outputs[" + PythonText.string(output) + "][:-len(" + PythonText.string(rest) + ")]";
                edit(folder.cell(), argument, replacement);
                change(folder.cell(), argument, "folder " + PythonText.string(folder.path()) + " became the folder of output '"
                        + output + "' (" + replacement + ")");
            } else if (output == null && (isOutsideRunFolder(path) || path.equals("..") || path.startsWith("../"))) {
                block(folder, "EX004", folder.access().api().displayName() + " changes " + PythonText.string(folder.path())
                        + ", outside the job's run folder", "create and remove only folders under the paths the job writes");
            }
        }

        /** Whether no edit covers the node yet. */
        boolean free(AnalyzedCell cell, SyntaxNode node) {
            for (Fix.Edit e : edits.getOrDefault(cell.index(), List.of())) {
                if (node.startOffset() < e.end() && e.start() < node.endOffset()) {
                    return false;
                }
            }
            return true;
        }

        void edit(AnalyzedCell cell, SyntaxNode node, String replacement) {
            edits.computeIfAbsent(cell.index(), k -> new ArrayList<>())
                    .add(new Fix.Edit(node.startOffset(), node.endOffset(), replacement));
        }

        void change(AnalyzedCell cell, SyntaxNode node, String what) {
            next.change(new Change(name(), synthetic.planned(cell).number(), cell.position(node).line(), what));
        }

        void block(Place place, String id, String message, String decision) {
            block(place.access(), id, message, decision);
        }

        void block(IoAccess access, String id, String message, String decision) {
            int cell = synthetic.planned(access.cell()).number();
            if (blocked.add(cell + ":" + access.line() + ":" + message)) {
                next.blocker(new Blocker(id, cell, access.line(), message, decision));
            }
        }

        String declareOutput(Place place, String relative, String base) {
            String existing = outputByPath.get(place.path());
            if (existing != null) {
                return existing;
            }
            // Two spellings can land on one run-folder place (imdb-lora and /content/drive/.../imdb-lora):
            // the job declares each place it writes once, or the runtime refuses the job.
            String key = stripSlash(relative);
            existing = outputByRelative.get(key);
            if (existing != null) {
                outputByPath.put(place.path(), existing);
                return existing;
            }
            String name = uniqueName(base, outputNames);
            OutputSpec.Comparison compare = plan.options().tolerances().getOrDefault(name, OutputSpec.Comparison.BYTES);
            // A trailing '/' is how the plan says "folder": the renderer writes kind: folder for it.
            String declared = place.access().shape() == Shape.FOLDER ? key + "/" : relative;
            next.output(new OutputSpec(name, declared, compare, place.path(), synthetic.planned(place.cell()).number(), place.access().line()));
            outputByPath.put(place.path(), name);
            outputByRelative.put(key, name);
            if (declared.endsWith("/")) {
                folderOutputs.put(key, name);
            }
            return name;
        }

        /**
         * Drops each output that lies inside a declared folder output, and points the code that
         * wrote it at its place inside the folder ({@code (CONFIG.outputs["out"] + "/model.pt")}).
         */
        void coverNestedOutputs() {
            List<OutputSpec> declared = next.build().outputs();
            Map<String, NestedOutputs.Cover> covered = NestedOutputs.of(declared);
            if (covered.isEmpty()) {
                return;
            }
            Map<String, String> replacements = new LinkedHashMap<>();
            covered.forEach((name, cover) -> replacements.put("CONFIG.outputs[" + PythonText.string(name) + "]",
                    "(CONFIG.outputs[" + PythonText.string(cover.folder()) + "] + " + PythonText.string("/" + cover.rest()) + ")"));
            for (List<Fix.Edit> cellEdits : edits.values()) {
                cellEdits.replaceAll(e -> {
                    String text = e.replacement();
                    for (var r : replacements.entrySet()) {
                        text = text.replace(r.getKey(), r.getValue());
                    }
                    return new Fix.Edit(e.start(), e.end(), text);
                });
            }
            List<OutputSpec> kept = new ArrayList<>();
            for (OutputSpec output : declared) {
                NestedOutputs.Cover cover = covered.get(output.name());
                if (cover == null) {
                    kept.add(output);
                    continue;
                }
                outputNames.remove(output.name());
                next.change(new Change(InputOutputPass.this.name(), output.cell(), output.line(), "output '" + output.name()
                        + "' lies inside folder output '" + cover.folder() + "': the folder covers it (" + cover.rest() + ")"));
            }
            next.outputs(kept);
        }

        /** The declared folder output holding a run-folder path, and the path inside it; null if none. */
        String[] coveringFolder(String relative) {
            String path = stripSlash(relative);
            for (var folder : new java.util.TreeMap<>(folderOutputs).entrySet()) {
                if (path.startsWith(folder.getKey() + "/") && path.length() > folder.getKey().length() + 1) {
                    return new String[] {folder.getValue(), path.substring(folder.getKey().length() + 1)};
                }
            }
            return null;
        }

        String declareInput(Place place, String path, String base) {
            String existing = inputByPath.get(path);
            if (existing != null) {
                return existing;
            }
            String name = uniqueName(base, inputNames);
            next.input(new InputSpec(name, path, null, path, synthetic.planned(place.cell()).number(), place.access().line(),
                    REMOTE.matcher(path).matches()));
            inputByPath.put(path, name);
            return name;
        }

        /** Replaces the path argument of one call with the config's entry for it. */
        void argumentMove(Place place, boolean output) {
            IoAccess access = place.access();
            SyntaxNode argument = access.argument();
            AnalyzedCell cell = access.cell();
            if (!free(cell, argument)) {
                return; // moved with its root already
            }
            String variable = argument.is("identifier") ? argument.text() : null;
            String replacement;
            String what;
            if (output) {
                if (REMOTE.matcher(place.path()).matches()) {
                    block(place, "EX004", access.api().displayName() + " writes to " + PythonText.string(place.path())
                            + ", outside the job", "write the result to a local file; upload it after the job");
                    return;
                }
                String relative = runRelative(place.path());
                String[] cover = coveringFolder(relative);
                if (cover != null) {
                    // The folder output already holds this file: verify compares the whole folder.
                    replacement = "(CONFIG.outputs[" + PythonText.string(cover[0]) + "] + " + PythonText.string("/" + cover[1]) + ")";
                    what = "a file in folder output '" + cover[0] + "' (" + replacement + ")";
                } else {
                    String name = declareOutput(place, relative, baseName(variable, place.path()));
                    replacement = "CONFIG.outputs[" + PythonText.string(name) + "]";
                    what = "output '" + name + "' (" + replacement + ")";
                }
            } else if (access.shape() == Shape.PATTERN && GLOB.matcher(place.path()).find()) {
                String[] split = splitPattern(place.path());
                String name = declareInput(place, split[0], baseName(null, split[0]));
                replacement = "(CONFIG.inputs[" + PythonText.string(name) + "] + " + PythonText.string("/" + split[1]) + ")";
                what = "folder input '" + name + "' (pattern " + PythonText.string(split[1]) + " inside it)";
            } else {
                String name = declareInput(place, place.path(), baseName(variable, place.path()));
                replacement = "CONFIG.inputs[" + PythonText.string(name) + "]";
                what = "input '" + name + "' (" + replacement + ")";
            }
            if (access.api().receiver() || place.value().path()) {
                replacement = "__import__(\"pathlib\").Path(" + replacement + ")";
            }
            edit(cell, argument, replacement);
            next.change(new Change(InputOutputPass.this.name(), synthetic.planned(cell).number(), access.line(),
                    "path " + PythonText.string(place.path()) + " became " + what));
        }
    }

    private static String verb(Place place) {
        return verb(place.access().access());
    }

    private static String verb(Access access) {
        return switch (access) {
            case WRITE -> "writes";
            case MKDIR -> "creates";
            case DELETE -> "deletes";
            case LIST -> "lists";
            default -> "reads";
        };
    }

    /** A glob pattern's fixed folder and the pattern inside it: {@code data/sensors/part-*.csv} -> data/sensors, part-*.csv. */
    static String[] splitPattern(String pattern) {
        String[] parts = pattern.split("/", -1);
        int first = 0;
        while (first < parts.length && !GLOB.matcher(parts[first]).find()) {
            first++;
        }
        String folder = String.join("/", java.util.Arrays.copyOfRange(parts, 0, first));
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, first, parts.length));
        return new String[] {folder.isEmpty() ? "." : folder, rest};
    }

    /** Whether joining a relative suffix keeps its spelling through the runtime's path normalisation. */
    private static boolean normalForm(String suffix) {
        return !suffix.contains("//") && !suffix.contains("/./") && !suffix.contains("/../") && !suffix.endsWith("/.")
                && !suffix.endsWith("/..");
    }

    /** The run-folder path of a place: the root's run-folder path followed by what the program adds to it. */
    private static String joinRelative(String base, String rootText, String suffix) {
        if (suffix.isEmpty()) {
            return base;
        }
        if (rootText.endsWith("/") && !suffix.startsWith("/")) {
            suffix = "/" + suffix;
        }
        if (base.isEmpty() || base.equals(".")) {
            return suffix.startsWith("/") ? suffix.substring(1) : suffix;
        }
        return base + suffix;
    }

    /** The name a root literal is bound to ({@code OUT = "..."}), or null. */
    private static String variableOf(Root root) {
        SyntaxNode parent = root.literal().parent();
        while (parent != null && (parent.is("argument_list") || parent.is("call") || parent.is("parenthesized_expression"))) {
            parent = parent.parent();
        }
        if (parent != null && parent.is("assignment") && parent.child("left") != null && parent.child("left").is("identifier")) {
            return parent.child("left").text();
        }
        return null;
    }

    /** Where a path lands in the run folder: relative paths stay, absolute and home paths keep their last part. */
    static String runRelative(String path) {
        String p = path.replace('\\', '/');
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        // A path above the notebook's folder (d2l's os.path.join('..', 'data', ...)) keeps its part below the climb.
        while (p.startsWith("../") || p.equals("..")) {
            p = p.equals("..") ? "" : p.substring(3);
        }
        if (p.startsWith("/") || p.startsWith("~") || p.matches("^[A-Za-z]:/.*") || p.contains("..")) {
            p = p.substring(p.lastIndexOf('/') + 1);
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.isEmpty() || p.equals("~") ? "out" : p;
    }

    private static String stripSlash(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    static boolean isSystemPath(String path) {
        return path.equals("/dev/null") || path.startsWith("/dev/") || path.startsWith("/proc/") || path.startsWith("/sys/");
    }

    /** A place no run folder holds: absolute (outside /tmp) or in the home folder. */
    static boolean isOutsideRunFolder(String path) {
        String p = path.replace('\\', '/');
        return (p.startsWith("/") && !p.startsWith("/tmp/") && !p.equals("/tmp") && !isSystemPath(p)) || p.startsWith("~")
                || p.matches("^[A-Za-z]:/.*");
    }

    private static String abbreviate(String text) {
        String t = text.replaceAll("\\s+", " ");
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    /** A name from the variable ({@code DATA_PATH} -> {@code data}) or the file name ({@code out/adapter.pt} -> {@code adapter}). */
    static String baseName(String variable, String value) {
        if (variable != null) {
            String v = variable.toLowerCase(Locale.ROOT).replaceAll("_?(path|file|filename|fn|dir|uri|url)$", "");
            if (!v.isBlank() && !v.equals("_")) {
                return identifier(v);
            }
        }
        String path = value.replace('\\', '/');
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
}
