package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Bindings;
import dev.lockstep.analyzer.facts.values.Located;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.Set;

/**
 * LS311: code whose result depends on the order of a set ({@code list(set(labels))},
 * {@code for x in set(...)}, {@code enumerate(set(...))}, {@code ",".join(set(...))}), and
 * {@code hash()} of a string. String hashes are salted per process unless PYTHONHASHSEED is
 * fixed, and the iteration order of a set of strings follows them.
 *
 * <p>{@code sorted(set(...))}, {@code len(set(...))}, membership tests and set algebra do not
 * depend on the order. Sets known to hold numbers (literals, {@code range}) iterate in the same
 * order every run and are left alone; sets of unknown elements are reported, since labels, words
 * and column names are the usual content.
 */
@RuleInfo(id = "LS311", name = "hash-order-dependent", category = Category.RANDOMNESS,
        severity = Severity.INFO, remedy = Remedy.FIXED,
        summary = "iterating a set of strings, hash(str): order depends on PYTHONHASHSEED")
public final class HashOrderDependent implements Rule {

    /** Builtins whose result follows the order of their iterable argument. */
    static final Set<String> ORDERED_CONSUMERS = Set.of("builtins.list", "builtins.tuple", "builtins.enumerate",
            "builtins.iter", "builtins.zip", "builtins.next", "numpy.array", "numpy.asarray", "numpy.fromiter",
            "pandas.Series", "pandas.Index", "pandas.DataFrame", "pandas.Categorical", "torch.tensor",
            "builtins.dict.fromkeys", "collections.OrderedDict.fromkeys");
    /** Wrappers that make the order irrelevant again. */
    static final Set<String> ORDER_FREE = Set.of("builtins.sorted", "builtins.set", "builtins.frozenset",
            "builtins.len", "builtins.min", "builtins.max", "builtins.any", "builtins.all", "numpy.sort",
            "numpy.unique", "builtins.sum", "collections.Counter");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
                for (CallSite call : notebook.calls()) {
            if (call.is("builtins.hash") && call.positional().size() == 1 && !call.hasStarArgs()
                    && hashesStrings(call.cell(), call.positional().get(0), notebook) && !inHashMethod(call.node())) {
                context.report(call.cell(), call.node(), "hash() of a string is salted per process unless "
                        + "PYTHONHASHSEED is fixed, so the value changes from run to run: use a stable hash such as "
                        + "hashlib.sha256 or zlib.crc32");
            } else if (isOrderedConsumer(notebook, call) && !call.positional().isEmpty()
                    && isUnorderedSet(call.cell(), call.positional().get(0), notebook, 0)
                    && !insideOrderFree(notebook, call.cell(), call.node())) {
                context.report(call.cell(), call.node(), describe(call) + " takes the iteration order of a set, which "
                        + "for strings changes with PYTHONHASHSEED from run to run: use sorted(...) instead");
            }
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                SyntaxNode iterable = null;
                if (node.is("for_statement")) {
                    iterable = node.child("right");
                } else if (node.is("for_in_clause")) {
                    SyntaxNode comprehension = node.parent();
                    if (comprehension != null && !comprehension.is("set_comprehension")
                            && !insideOrderFree(notebook, cell, comprehension)) {
                        iterable = node.child("right");
                    }
                } else if (node.is("list_splat") && node.parent() != null
                        && (node.parent().is("list") || node.parent().is("tuple") || node.parent().is("argument_list"))) {
                    iterable = node.namedChildren().isEmpty() ? null : node.namedChildren().get(0);
                }
                if (iterable != null && isUnorderedSet(cell, iterable, notebook, 0)) {
                    context.report(cell, iterable, "iterating a set here follows its hash order, which for strings "
                            + "changes with PYTHONHASHSEED from run to run: iterate sorted(...) instead");
                }
            });
        }
    }

    private static boolean isOrderedConsumer(AnalyzedNotebook notebook, CallSite call) {
        if (call.is(ORDERED_CONSUMERS.toArray(String[]::new))) {
            return true;
        }
        // ", ".join(set(...))
        return "join".equals(call.methodName()) && call.receiver() != null
                && Values.literal(call.receiver()).plainString() != null;
    }

    private static String describe(CallSite call) {
        if ("join".equals(call.methodName()) && call.qualifiedName() == null) {
            return "str.join(...)";
        }
        String name = call.qualifiedName();
        return name.replaceFirst("^builtins\\.", "") + "(...)";
    }

    /**
     * Whether an expression is a set whose elements are not known to be numbers: set(...),
     * frozenset(...), a set literal or comprehension, set algebra on one, or a name assigned one.
     */
    private boolean isUnorderedSet(AnalyzedCell cell, SyntaxNode expression, AnalyzedNotebook notebook, int depth) {
        SyntaxNode node = Bindings.unwrap(expression);
        if (node == null || depth > 5) {
            return false;
        }
        switch (node.type()) {
            case "set" -> {
                return !node.namedChildren().stream().allMatch(e -> Values.literal(e).number() != null);
            }
            case "set_comprehension" -> {
                SyntaxNode body = node.child("body");
                return body == null || Values.literal(body).number() == null;
            }
            case "call" -> {
                SyntaxNode function = node.child("function");
                String name = function == null ? null : notebook.qualify(cell, function);
                if ("builtins.set".equals(name) || "builtins.frozenset".equals(name)) {
                    SyntaxNode arguments = node.child("arguments");
                    SyntaxNode source = arguments == null || arguments.namedChildren().isEmpty() ? null
                            : arguments.namedChildren().get(0);
                    return source != null && !holdsNumbers(cell, source, notebook);
                }
                if (function != null && function.is("attribute") && function.child("attribute") != null
                        && Set.of("union", "intersection", "difference", "symmetric_difference")
                                .contains(function.child("attribute").text())) {
                    return isUnorderedSet(cell, function.child("object"), notebook, depth + 1);
                }
                return false;
            }
            case "binary_operator" -> {
                SyntaxNode operator = node.child("operator");
                if (operator == null || !Set.of("|", "&", "-", "^").contains(operator.text())) {
                    return false;
                }
                return isUnorderedSet(cell, node.child("left"), notebook, depth + 1)
                        || (!operator.text().equals("-") && isUnorderedSet(cell, node.child("right"), notebook, depth + 1));
            }
            case "identifier" -> {
                Located value = notebook.facts().values().bindings().assigned(cell, node);
                return value != null && isUnorderedSet(value.cell(), value.node(), notebook, depth + 1);
            }
            default -> {
                return false;
            }
        }
    }

    /** Whether an iterable is known to hold numbers: range(...), a list or tuple of number literals. */
    private static boolean holdsNumbers(AnalyzedCell cell, SyntaxNode iterable, AnalyzedNotebook notebook) {
        SyntaxNode node = Bindings.unwrap(iterable);
        if (node.is("call")) {
            SyntaxNode function = node.child("function");
            String name = function == null ? null : notebook.qualify(cell, function);
            return "builtins.range".equals(name) || "numpy.arange".equals(name);
        }
        if (node.is("list") || node.is("tuple")) {
            return !node.namedChildren().isEmpty()
                    && node.namedChildren().stream().allMatch(e -> Values.literal(e).number() != null);
        }
        return false;
    }

    /** Whether hash() is given something that may be a string (not a number literal). */
    private static boolean hashesStrings(AnalyzedCell cell, SyntaxNode argument, AnalyzedNotebook notebook) {
        return notebook.facts().values().of(cell, argument).number() == null;
    }

    private static boolean inHashMethod(SyntaxNode node) {
        SyntaxNode function = node.ancestor("function_definition");
        return function != null && function.child("name") != null && function.child("name").text().equals("__hash__");
    }

    /** Whether the node is (directly, through other order-following calls) an argument of sorted() and the like. */
    private static boolean insideOrderFree(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node) {
        SyntaxNode current = node;
        for (SyntaxNode parent = node.parent(); parent != null; current = parent, parent = parent.parent()) {
            if (parent.is("argument_list") || parent.is("parenthesized_expression")) {
                continue;
            }
            if (parent.is("call") && parent.child("arguments") == current) {
                SyntaxNode function = parent.child("function");
                String name = function == null ? null : notebook.qualify(cell, function);
                if (name != null && ORDER_FREE.contains(name)) {
                    return true;
                }
                if (name != null && ORDERED_CONSUMERS.contains(name)) {
                    continue; // sorted(list(set(x))) is still fine
                }
                return false;
            }
            if (parent.is("call") && parent.child("arguments") != current) {
                return false;
            }
            if (!parent.is("generator_expression") && !parent.is("list_comprehension")) {
                return false;
            }
        }
        return false;
    }
}
