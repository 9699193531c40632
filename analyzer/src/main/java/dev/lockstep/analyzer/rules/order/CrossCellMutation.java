package dev.lockstep.analyzer.rules.order;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.BindingKind;
import dev.lockstep.analyzer.semantics.NameRead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LS107: code that runs with a cell and changes a module-level value that another cell
 * defines: {@code x += 1}, {@code x = f(x)}, {@code items.append(...)},
 * {@code df.drop(..., inplace=True)}, {@code df["col"] = ...}, {@code obj.attr = ...},
 * {@code del d[k]}, {@code random.shuffle(items)}. A cell that binds the name itself before
 * changing it works on its own value and is fine. Imported modules ({@code plt.rcParams[...]})
 * are configuration, not notebook state. Function bodies are skipped: what they change depends
 * on where they are called. Aliases ({@code y = x; y.append(1)}) are not followed.
 */
@RuleInfo(id = "LS107", name = "cross-cell-mutation", category = Category.EXECUTION_ORDER,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "A cell mutates state defined in another cell (x += 1, .append, inplace=True): running it twice changes the result")
public final class CrossCellMutation implements Rule {

    /** Methods of list, dict, set (and DataFrame/Keras model) that change the receiver in place. */
    static final Set<String> MUTATING_METHODS = Set.of("append", "extend", "insert", "remove", "pop", "popitem",
            "reverse", "symmetric_difference_update");

    /**
     * Calls that, bound back to the name they read ({@code x = np.append(x, y)},
     * {@code a, b = a.split(...)}, {@code df = pd.concat([df, more])}), give a different value
     * each time the cell runs. Other rebindings from a call ({@code ds = ds.map(f)},
     * {@code model = get_peft_model(model, config)}) are taken as the same result when repeated.
     */
    private static final Set<String> ACCUMULATING_METHODS = Set.of("append", "split", "shift", "diff", "cumsum",
            "cumprod", "pct_change", "reset_index", "add_prefix", "add_suffix", "concat", "train_test_split");
    private static final Set<String> ACCUMULATING_FUNCTIONS = Set.of("numpy.append", "numpy.concatenate",
            "numpy.vstack", "numpy.hstack", "numpy.insert", "pandas.concat", "numpy.diff", "numpy.cumsum",
            "torch.cat", "torch.stack", "sklearn.model_selection.train_test_split");

    /** In-place changes that leave the same value when repeated ({@code df.fillna(0, inplace=True)}). */
    private static final Set<String> IDEMPOTENT_IN_PLACE = Set.of("fillna", "dropna", "drop_duplicates", "sort_values",
            "sort_index", "rename", "replace", "clip", "update", "setdefault", "add", "discard", "clear", "sort",
            "intersection_update", "difference_update", "zero_", "fill_", "copy_", "clamp_", "clip_", "eval",
            "train", "requires_grad_", "share_memory_");

    /** Trailing-underscore torch methods that change flags, not values. */
    private static final Set<String> FLAG_METHODS = Set.of("requires_grad_", "share_memory_");

    /** Functions that shuffle their first argument in place. */
    private static final Set<String> IN_PLACE_SHUFFLES = Set.of("random.shuffle", "numpy.random.shuffle");

    /**
     * Conversions that give the same result when applied again ({@code model = model.to(device)},
     * {@code df = df.dropna()}, {@code clf = clf.fit(X, y)}, which refits from scratch): rebinding
     * a name to one of them does not depend on how often the cell ran.
     */
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("to", "cuda", "cpu", "float", "half", "double",
            "bfloat16", "eval", "detach", "contiguous", "copy", "clone", "astype", "dropna", "drop_duplicates",
            "fillna", "rename", "round", "sort_values", "sort_index", "squeeze", "flatten", "ravel", "infer_objects",
            "convert_dtypes", "strip", "lower", "upper", "fit");

    private static final Set<String> IDEMPOTENT_FUNCTIONS = Set.of("builtins.sorted", "builtins.list",
            "builtins.tuple", "builtins.set", "builtins.frozenset", "builtins.str", "builtins.int", "builtins.float",
            "builtins.bool", "numpy.asarray", "numpy.array", "numpy.ascontiguousarray", "pandas.DataFrame",
            "pandas.Series", "torch.as_tensor");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        NameAvailability names = new NameAvailability(notebook);
        Map<Integer, List<CallSite>> callsByCell = notebook.calls().stream()
                .collect(Collectors.groupingBy(c -> c.cell().index()));
        for (AnalyzedCell cell : notebook.pythonCells()) {
            if (cell.hasSyntaxErrors()) {
                continue;
            }
            List<Mutation> found = new ArrayList<>();
            cell.root().walk(node -> {
                if (cell.semantics().ownerOf(node) == null) {
                    statement(notebook, names, cell, node, found);
                }
            });
            for (CallSite call : callsByCell.getOrDefault(cell.index(), List.of())) {
                if (call.isImmediate()) {
                    call(notebook, names, cell, call, found);
                }
            }
            found.sort(Comparator.comparingInt((Mutation m) -> m.anchor().startOffset()));
            Set<String> reported = new HashSet<>();
            for (Mutation mutation : found) {
                if (reported.add(mutation.name())) {
                    context.report(cell, mutation.anchor(), "'" + mutation.name() + "' (defined in cell "
                            + mutation.definingCell().number() + ") " + mutation.how());
                }
            }
        }
    }

    private static void statement(AnalyzedNotebook notebook, NameAvailability names, AnalyzedCell cell, SyntaxNode node,
            List<Mutation> found) {
        switch (node.type()) {
            case "augmented_assignment" -> {
                SyntaxNode left = node.child("left");
                String operator = operator(node);
                if (left != null && left.is("identifier")) {
                    candidate(notebook, names, cell, left, node, "is updated here with '" + operator
                            + "': running this cell again (or out of order) changes it again; compute a new name "
                            + "from it instead", found);
                } else {
                    changedInPlace(notebook, names, cell, left, node, found);
                }
            }
            case "assignment" -> {
                SyntaxNode right = node.child("right");
                if (right == null) {
                    return;
                }
                for (SyntaxNode target : targets(node.child("left"))) {
                    if (target.is("identifier")) {
                        if (readsOwnValue(cell, right, target.text()) && !isIdempotent(notebook, cell, right, target.text())
                                && accumulates(notebook, cell, right, target.text())) {
                            candidate(notebook, names, cell, target, node, "is rebound here from its own value: running "
                                    + "this cell again applies the change twice; bind the result to a new name instead",
                                    found);
                        }
                    } else if (readsTarget(right, target)) {
                        changedInPlace(notebook, names, cell, target, node, found); // df["x"] = df["x"] * 2
                    }
                }
            }
            case "delete_statement" -> {
                for (SyntaxNode target : targets(node.namedChildren().size() == 1 ? node.namedChildren().get(0) : null)) {
                    if (!target.is("identifier")) {
                        changedInPlace(notebook, names, cell, target, node, found);
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void call(AnalyzedNotebook notebook, NameAvailability names, AnalyzedCell cell, CallSite call,
            List<Mutation> found) {
        if (call.qualifiedName() != null && IN_PLACE_SHUFFLES.contains(call.qualifiedName())
                && !call.positional().isEmpty()) {
            SyntaxNode root = rootIdentifier(call.positional().get(0));
            if (root != null) {
                candidate(notebook, names, cell, root, call.node(), "is shuffled in place by " + call.qualifiedName()
                        + "(): running this cell again reorders it again; shuffle a copy instead", found);
            }
            return;
        }
        String method = call.methodName();
        SyntaxNode root = call.receiver() == null ? null : rootIdentifier(call.receiver());
        if (root == null || method == null) {
            return;
        }
        SyntaxNode inplace = call.keyword("inplace");
        if (IDEMPOTENT_IN_PLACE.contains(method)) {
            return; // repeating it leaves the same value
        }
        if (inplace != null && inplace.is("true")) {
            candidate(notebook, names, cell, root, call.node(), "is changed in place by ." + method
                    + "(..., inplace=True): running this cell again repeats the change or fails; assign the result "
                    + "to a new name instead", found);
        } else if (MUTATING_METHODS.contains(method) && !(method.equals("append") && isPandas(call.receiverOrigin()))
                && !(RETURNS_NONE_WHEN_MUTATING.contains(method) && resultIsUsed(call.node()))) {
            candidate(notebook, names, cell, root, call.node(), "is changed in place by ." + method
                    + "(): running this cell again repeats the change; build the value in the cell that defines it, "
                    + "or work on a copy", found);
        } else if (method.endsWith("_") && !method.startsWith("_") && !FLAG_METHODS.contains(method)) {
            candidate(notebook, names, cell, root, call.node(), "is changed in place by ." + method
                    + "(): running this cell again repeats the change; do it where the tensor is made, or work on a "
                    + "copy (.clone())", found);
        }
    }

    /**
     * The built-in container methods that change the object and return None: when a notebook uses
     * the result ({@code res_post = res_pre.append(y)}), the receiver is some other type whose
     * method returns a new object (statsmodels results, pandas), and nothing changes in place.
     */
    private static final Set<String> RETURNS_NONE_WHEN_MUTATING = Set.of("append", "extend", "insert", "remove",
            "clear", "update", "sort", "reverse", "add", "discard");

    private static boolean resultIsUsed(SyntaxNode call) {
        SyntaxNode parent = call.parent();
        return parent != null && !parent.is("expression_statement");
    }

    private static boolean isPandas(String origin) {
        return origin != null && origin.startsWith("pandas."); // DataFrame.append returns a new frame
    }

    /** A subscript or attribute target whose base is a value from another cell. */
    private static void changedInPlace(AnalyzedNotebook notebook, NameAvailability names, AnalyzedCell cell,
            SyntaxNode target, SyntaxNode statement, List<Mutation> found) {
        if (target == null || !(target.is("subscript") || target.is("attribute"))) {
            return;
        }
        SyntaxNode root = rootIdentifier(target);
        if (root == null) {
            return;
        }
        String shown = target.is("subscript") ? root.text() + "[...]" : root.text() + "." + lastAttribute(target);
        candidate(notebook, names, cell, root, statement, "is changed in place here (" + shown + "): cells that ran "
                + "before this one saw a different value, and running it again may change it again; make the change "
                + "where it is defined, or work on a copy", found);
    }

    /** Records a change of the module-level value {@code identifier} names, when that value comes from another cell. */
    private static void candidate(AnalyzedNotebook notebook, NameAvailability names, AnalyzedCell cell,
            SyntaxNode identifier, SyntaxNode anchor, String how, List<Mutation> found) {
        if (cell.semantics().isLocal(identifier) || notebook.qualify(cell, identifier) != null) {
            return; // a comprehension or class-body local, or a module, alias or builtin
        }
        String name = identifier.text();
        List<Definition> definitions = notebook.definitionsOf(name);
        if (definitions.stream().anyMatch(d -> d.kind() == BindingKind.IMPORT)) {
            return;
        }
        Definition elsewhere = definingCell(names, definitions, cell, name);
        if (elsewhere == null) {
            return; // defined nowhere else: the cell's own value, or one LS104/LS105 reports
        }
        if (NameAvailability.boundInCellBefore(cell, name, NameAvailability.statementOf(anchor).startOffset())) {
            return; // the cell made this value itself before changing it
        }
        found.add(new Mutation(name, anchor, elsewhere.cell(), how));
    }

    /**
     * The definition to name in the message: the last one above the cell that makes a value
     * (not an earlier update like {@code x += 1}), else the first in another cell.
     */
    private static Definition definingCell(NameAvailability names, List<Definition> definitions, AnalyzedCell cell,
            String name) {
        Definition made = null;
        for (Definition d : definitions) {
            if (d.cell().index() < cell.index() && d.kind() != BindingKind.AUGMENTED_ASSIGNMENT
                    && (made == null || d.point().compareTo(made.point()) > 0)) {
                made = d;
            }
        }
        if (made != null) {
            return made;
        }
        return names.lastDefinitionAbove(name, cell.index())
                .orElse(definitions.stream().filter(d -> d.cell().index() != cell.index()).findFirst().orElse(null));
    }

    /** Whether the expression reads the module-level {@code name} when the cell runs. */
    private static boolean readsOwnValue(AnalyzedCell cell, SyntaxNode expression, String name) {
        for (NameRead read : cell.semantics().reads()) {
            if (read.name().equals(name) && expression.contains(read.node())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code expression} is {@code name} under conversions that give the same result when repeated. */
    private static boolean isIdempotent(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression, String name) {
        SyntaxNode node = expression;
        while (true) {
            switch (node.type()) {
                case "identifier" -> {
                    return node.text().equals(name);
                }
                case "parenthesized_expression" -> {
                    if (node.namedChildren().size() != 1) {
                        return false;
                    }
                    node = node.namedChildren().get(0);
                }
                case "call" -> {
                    SyntaxNode callee = node.child("function");
                    SyntaxNode arguments = node.child("arguments");
                    if (callee != null && callee.is("attribute") && callee.child("attribute") != null
                            && IDEMPOTENT_METHODS.contains(callee.child("attribute").text())) {
                        node = callee.child("object");
                    } else if (callee != null && isIdempotentFunction(notebook.qualify(cell, callee))
                            && arguments != null && arguments.namedChildren().size() == 1) {
                        node = arguments.namedChildren().get(0);
                    } else {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
            if (node == null) {
                return false;
            }
        }
    }

    /**
     * Whether {@code name = expression} gives another value each time it runs: arithmetic on the
     * name ({@code x = x - mean}), a slice of it ({@code x = x[1:]}), or an accumulating call
     * that reads it ({@code x = np.append(x, y)}, {@code a, b = a.split(...)}).
     */
    private static boolean accumulates(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression, String name) {
        boolean[] result = {false};
        expression.walk(node -> {
            if (result[0]) {
                return;
            }
            switch (node.type()) {
                case "binary_operator" -> {
                    for (SyntaxNode operand : node.namedChildren()) {
                        if (operand.is("identifier") && operand.text().equals(name)) {
                            result[0] = true;
                        }
                    }
                }
                case "subscript" -> {
                    SyntaxNode value = node.child("value");
                    if (value != null && value.is("identifier") && value.text().equals(name) && hasSlice(node)) {
                        result[0] = true;
                    }
                }
                case "call" -> {
                    SyntaxNode callee = node.child("function");
                    if (callee == null) {
                        return;
                    }
                    String qualified = notebook.qualify(cell, callee);
                    String method = callee.is("attribute") && callee.child("attribute") != null
                            ? callee.child("attribute").text() : null;
                    if ((qualified != null && ACCUMULATING_FUNCTIONS.contains(qualified))
                            || (qualified == null && method != null && ACCUMULATING_METHODS.contains(method))) {
                        result[0] = true;
                    }
                }
                default -> {
                }
            }
        });
        return result[0];
    }

    private static boolean hasSlice(SyntaxNode subscript) {
        for (SyntaxNode child : subscript.namedChildren()) {
            if (child.is("slice")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the right side reads the very target it is assigned to ({@code obj.n = obj.n + 1}). */
    private static boolean readsTarget(SyntaxNode right, SyntaxNode target) {
        String text = target.text();
        boolean[] found = {false};
        right.walk(node -> {
            if (!found[0] && (node.is("subscript") || node.is("attribute")) && node.text().equals(text)) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static boolean isIdempotentFunction(String qualifiedName) {
        return qualifiedName != null && IDEMPOTENT_FUNCTIONS.contains(qualifiedName);
    }

    /** The simple targets of an assignment: identifiers, subscripts and attributes, through tuples and lists. */
    private static List<SyntaxNode> targets(SyntaxNode left) {
        List<SyntaxNode> result = new ArrayList<>();
        if (left == null) {
            return result;
        }
        switch (left.type()) {
            case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list",
                    "parenthesized_expression", "list_splat_pattern", "list_splat" -> {
                for (SyntaxNode child : left.namedChildren()) {
                    result.addAll(targets(child));
                }
            }
            case "identifier", "subscript", "attribute" -> result.add(left);
            default -> {
            }
        }
        return result;
    }

    /** The variable at the base of {@code x}, {@code x.a.b}, {@code x[k].a}; null when a call or literal is there. */
    static SyntaxNode rootIdentifier(SyntaxNode expression) {
        SyntaxNode node = expression;
        while (node != null) {
            switch (node.type()) {
                case "identifier" -> {
                    return node;
                }
                case "attribute" -> node = node.child("object");
                case "subscript" -> node = node.child("value");
                case "parenthesized_expression" ->
                        node = node.namedChildren().size() == 1 ? node.namedChildren().get(0) : null;
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private static String lastAttribute(SyntaxNode attribute) {
        SyntaxNode name = attribute.child("attribute");
        return name == null ? "" : name.text();
    }

    private static String operator(SyntaxNode augmented) {
        for (SyntaxNode child : augmented.children()) {
            if (!child.isNamed() && child.type().endsWith("=")) {
                return augmented.child("left").text() + " " + child.type() + " ...";
            }
        }
        return augmented.text();
    }

    /** One change of another cell's value. */
    private record Mutation(String name, SyntaxNode anchor, AnalyzedCell definingCell, String how) {
    }
}
