package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether the order of a directory listing can reach a result. A listing's order is harmless
 * when it is sorted ({@code sorted(...)}, {@code .sort()}) or consumed only in ways that ignore
 * order ({@code len}, {@code set}, {@code x in ...}, a truth test, {@code min}/{@code max}), also
 * through order-keeping steps ({@code list}, {@code filter}, {@code map}, comprehensions) and
 * through a name it is bound to. Anything else (indexing, iteration that builds results,
 * passing it on) is taken to depend on the order.
 */
final class ListingOrder {
    private ListingOrder() {
    }

    private static final int MAX_DEPTH = 5;

    /** Consumers whose result does not depend on the order of their argument. */
    private static final Set<String> ORDER_FREE = Set.of("builtins.sorted", "builtins.set", "builtins.frozenset",
            "builtins.len", "builtins.sum", "builtins.any", "builtins.all", "builtins.max", "builtins.min",
            "builtins.bool", "builtins.print", "collections.Counter", "IPython.display.display", "builtins.display",
            "heapq.nlargest", "heapq.nsmallest");

    /** Steps that keep the order of their argument. */
    private static final Set<String> ORDER_KEEPING = Set.of("builtins.list", "builtins.tuple", "builtins.iter",
            "builtins.filter", "builtins.map", "builtins.reversed", "itertools.chain", "itertools.chain.from_iterable");

    /** Methods that add a listing to a collection: the collection's uses decide. */
    private static final Set<String> ACCUMULATORS = Set.of("extend", "append", "update", "add");

    /** Calls that, as a whole loop body, make iteration order irrelevant (clean-up of every file). */
    private static final Set<String> ORDER_FREE_EFFECTS = Set.of("os.remove", "os.unlink", "os.rmdir", "shutil.rmtree",
            "shutil.move", "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "os.rename",
            "os.replace", "os.chmod", "builtins.print");
    private static final Set<String> ORDER_FREE_METHODS = Set.of("unlink", "rmdir", "touch", "chmod");

    /**
     * Whether the value of {@code node} (a listing call) is used in a way that depends on its
     * order. {@code walk} marks {@code os.walk}, whose loops are fine when they sort {@code dirs}
     * in place and use {@code files} sorted or order-free.
     */
    static boolean orderMatters(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node, boolean walk) {
        return orderMatters(notebook, cell, node, walk, false, 0);
    }

    private static boolean orderMatters(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node, boolean walk,
            boolean mapping, int depth) {
        if (depth > MAX_DEPTH) {
            return true;
        }
        SyntaxNode n = node;
        while (true) {
            SyntaxNode parent = n.parent();
            if (parent == null) {
                return true;
            }
            switch (parent.type()) {
                case "parenthesized_expression" -> {
                    n = parent;
                    continue;
                }
                case "argument_list", "call" -> {
                    SyntaxNode call = parent.is("call") ? parent : parent.parent();
                    if (call == null || !call.is("call") || (parent.is("call") && parent.child("arguments") != n)) {
                        return true;
                    }
                    String callee = notebook.qualify(cell, call.child("function"));
                    if (callee != null && ORDER_FREE.contains(callee)) {
                        return false;
                    }
                    if (callee != null && ORDER_KEEPING.contains(callee)) {
                        n = call;
                        continue;
                    }
                    SyntaxNode function = call.child("function");
                    if (callee == null && function != null && function.is("attribute") && function.child("attribute") != null
                            && ACCUMULATORS.contains(function.child("attribute").text())
                            && function.child("object") != null && function.child("object").is("identifier")) {
                        // paths.extend(glob(...)): the listing's order now lives in paths
                        return usesDependOnOrder(notebook, cell, function.child("object"), false, walk, depth + 1);
                    }
                    return true;
                }
                case "augmented_assignment" -> {
                    SyntaxNode left = parent.child("left");
                    if (parent.child("right") != n || left == null || !left.is("identifier")) {
                        return true;
                    }
                    return usesDependOnOrder(notebook, cell, left, false, walk, depth + 1);
                }
                case "for_in_clause" -> {
                    if (parent.child("right") != n || parent.parent() == null) {
                        return true;
                    }
                    SyntaxNode comprehension = parent.parent();
                    if (comprehension.is("set_comprehension")) {
                        return false;
                    }
                    if (walk && comprehension.is("dictionary_comprehension")) {
                        return true;
                    }
                    if (walk && sortsAsItGoes(parent, comprehension)) {
                        return false; // extract's fix: ((r, d.sort() or d, f.sort() or f) for r, d, f in os.walk(top))
                    }
                    mapping = comprehension.is("dictionary_comprehension");
                    n = comprehension;
                    walk = false; // a comprehension over os.walk yields items: what follows is about their order
                    continue;
                }
                case "binary_operator" -> {
                    SyntaxNode operator = parent.child("operator");
                    if (operator != null && operator.text().equals("+")) {
                        n = parent;
                        continue;
                    }
                    return true;
                }
                case "boolean_operator", "conditional_expression" -> {
                    if (parent.is("conditional_expression") && !parent.namedChildren().isEmpty()
                            && parent.namedChildren().size() == 3 && parent.namedChildren().get(1) == n) {
                        return false; // the condition of "a if listing else b"
                    }
                    n = parent;
                    continue;
                }
                case "comparison_operator" -> {
                    return !isMembershipTarget(parent, n);
                }
                case "not_operator", "assert_statement" -> {
                    return false;
                }
                case "if_statement", "elif_clause", "while_statement" -> {
                    return parent.child("condition") != n;
                }
                case "expression_statement" -> {
                    return false; // evaluated for display or nothing: no result depends on it
                }
                case "for_statement" -> {
                    if (parent.child("right") != n) {
                        return true;
                    }
                    return loopOrderMatters(notebook, cell, parent, walk, depth);
                }
                case "assignment" -> {
                    SyntaxNode left = parent.child("left");
                    if (parent.child("right") != n || left == null || !left.is("identifier")) {
                        return true;
                    }
                    return usesDependOnOrder(notebook, cell, left, mapping, walk, depth + 1);
                }
                case "as_pattern" -> {
                    SyntaxNode alias = parent.child("alias");
                    SyntaxNode target = alias == null || alias.namedChildren().size() != 1 ? null
                            : alias.namedChildren().get(0);
                    if (target == null || !target.is("identifier")) {
                        return true;
                    }
                    return usesDependOnOrder(notebook, cell, target, mapping, walk, depth + 1);
                }
                case "subscript" -> {
                    // listing[0]: order-dependent; a dict built from a listing looked up by key is not
                    return !(mapping && parent.child("value") == n);
                }
                case "return_statement" -> {
                    return returnedOrderMatters(notebook, cell, parent, depth);
                }
                default -> {
                    return true;
                }
            }
        }
    }

    private static boolean isMembershipTarget(SyntaxNode comparison, SyntaxNode operand) {
        List<SyntaxNode> children = comparison.children();
        for (int i = 1; i < children.size(); i++) {
            if (children.get(i) == operand) {
                String operator = children.get(i - 1).text();
                return operator.equals("in") || operator.replaceAll("\\s+", " ").equals("not in");
            }
        }
        return false;
    }

    /** A for loop over a listing: fine when its body does not depend on the order it runs in. */
    private static boolean loopOrderMatters(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode loop, boolean walk,
            int depth) {
        SyntaxNode body = loop.child("body");
        if (body == null) {
            return true;
        }
        if (isOrderFreeBody(notebook, cell, body)) {
            return false;
        }
        if (!walk) {
            return true;
        }
        // for root, dirs, files in os.walk(top): sorting dirs in place fixes the traversal order (top-down).
        SyntaxNode left = loop.child("left");
        List<SyntaxNode> targets = left == null ? List.of() : left.namedChildren();
        if (targets.size() != 3) {
            return true;
        }
        String dirs = targets.get(1).text();
        String files = targets.get(2).text();
        return !(sortsInPlace(body, dirs) && (sortsInPlace(body, files) || usesAreOrderFree(notebook, cell, body, files)));
    }

    /**
     * A comprehension over os.walk whose items sort the walk's folder and file lists in place
     * before anyone sees them ({@code (r, d.sort() or d, f.sort() or f) for r, d, f in os.walk(top)}):
     * a top-down walk then descends in sorted order.
     */
    private static boolean sortsAsItGoes(SyntaxNode clause, SyntaxNode comprehension) {
        SyntaxNode left = clause.child("left");
        SyntaxNode item = comprehension.child("body");
        List<SyntaxNode> targets = left == null ? List.of() : left.namedChildren();
        return item != null && targets.size() == 3 && sortsInPlace(item, targets.get(1).text())
                && sortsInPlace(item, targets.get(2).text());
    }

    private static boolean isOrderFreeBody(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode body) {
        for (SyntaxNode statement : body.namedChildren()) {
            if (statement.is("comment") || statement.is("pass_statement") || statement.is("continue_statement")) {
                continue;
            }
            if (statement.is("if_statement")) {
                SyntaxNode consequence = statement.child("consequence");
                if (consequence != null && statement.child("alternative") == null
                        && isOrderFreeBody(notebook, cell, consequence)) {
                    continue;
                }
                return false;
            }
            if (statement.is("for_statement")) {
                // for filename in filenames: print(os.path.join(dirname, filename)) -- Kaggle's
                // boilerplate: a nested loop whose body is order-free is order-free too.
                SyntaxNode inner = statement.child("body");
                if (inner != null && statement.child("alternative") == null && isOrderFreeBody(notebook, cell, inner)) {
                    continue;
                }
                return false;
            }
            if (!statement.is("expression_statement") || statement.namedChildren().size() != 1) {
                return false;
            }
            SyntaxNode expression = statement.namedChildren().get(0);
            if (expression.is("augmented_assignment") && expression.child("right") != null
                    && expression.child("right").is("integer")) {
                continue; // count += 1
            }
            if (!expression.is("call")) {
                return false;
            }
            SyntaxNode callee = expression.child("function");
            String qualified = notebook.qualify(cell, callee);
            boolean effect = qualified != null ? ORDER_FREE_EFFECTS.contains(qualified)
                    : callee != null && callee.is("attribute") && callee.child("attribute") != null
                            && ORDER_FREE_METHODS.contains(callee.child("attribute").text());
            if (!effect) {
                return false;
            }
        }
        return true;
    }

    /** {@code name.sort()} or {@code name[:] = sorted(...)} somewhere in {@code scope}. */
    private static boolean sortsInPlace(SyntaxNode scope, String name) {
        return !scope.find(n -> {
            if (n.is("call") && n.child("function") != null && n.child("function").is("attribute")) {
                SyntaxNode f = n.child("function");
                return f.child("attribute") != null && f.child("attribute").text().equals("sort")
                        && f.child("object") != null && f.child("object").text().equals(name);
            }
            if (n.is("assignment") && n.child("left") != null && n.child("left").is("subscript")) {
                SyntaxNode target = n.child("left");
                SyntaxNode right = n.child("right");
                return target.child("value") != null && target.child("value").text().equals(name)
                        && right != null && right.is("call") && right.child("function") != null
                        && right.child("function").text().equals("sorted");
            }
            return false;
        }).isEmpty();
    }

    private static boolean usesAreOrderFree(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode scope, String name) {
        for (SyntaxNode use : scope.find(n -> n.is("identifier") && n.text().equals(name))) {
            if (isBindingTarget(use)) {
                continue;
            }
            if (orderMatters(notebook, cell, use, false, false, MAX_DEPTH - 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The uses of a name a listing was bound to. Fine when the name is sorted in place, or every
     * use until the name is bound again ignores order.
     */
    private static boolean usesDependOnOrder(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode target,
            boolean mapping, boolean walk, int depth) {
        String name = target.text();
        List<Use> uses = new ArrayList<>();
        SyntaxNode function = target.ancestor("function_definition");
        if (function != null || cell.semantics().isLocal(target)) {
            SyntaxNode scope = function != null ? function : cell.root();
            int end = nextLocalBinding(scope, name, target);
            for (SyntaxNode n : scope.find(x -> x.is("identifier") && x.text().equals(name))) {
                if (n.startOffset() > target.startOffset() && n.startOffset() < end && !isBindingTarget(n)) {
                    uses.add(new Use(cell, n));
                }
            }
        } else {
            ProgramPoint from = notebook.point(cell, target);
            ProgramPoint until = null;
            for (Definition d : notebook.definitionsOf(name)) {
                if (d.point().compareTo(from) > 0 && (until == null || d.point().compareTo(until) < 0)) {
                    until = d.point();
                }
            }
            for (AnalyzedCell other : notebook.pythonCells()) {
                for (SyntaxNode n : other.root().find(x -> x.is("identifier") && x.text().equals(name))) {
                    ProgramPoint at = notebook.point(other, n);
                    if (at.compareTo(from) > 0 && (until == null || at.compareTo(until) < 0)
                            && !other.semantics().isLocal(n) && !isBindingTarget(n)) {
                        uses.add(new Use(other, n));
                    }
                }
            }
        }
        for (Use use : uses) {
            if (isSortCall(use.node())) {
                return false;
            }
        }
        for (Use use : uses) {
            if (orderMatters(notebook, use.cell(), use.node(), walk, mapping, depth)) {
                return true;
            }
        }
        return false;
    }

    private record Use(AnalyzedCell cell, SyntaxNode node) {
    }

    private static int nextLocalBinding(SyntaxNode scope, String name, SyntaxNode target) {
        int end = Integer.MAX_VALUE;
        for (SyntaxNode n : scope.find(x -> x.is("identifier") && x.text().equals(name))) {
            if (n.startOffset() > target.startOffset() && isBindingTarget(n) && n.startOffset() < end) {
                end = n.startOffset();
            }
        }
        return end;
    }

    /** {@code name.sort(...)}. */
    private static boolean isSortCall(SyntaxNode use) {
        SyntaxNode parent = use.parent();
        return parent != null && parent.is("attribute") && parent.child("object") == use
                && parent.child("attribute") != null && parent.child("attribute").text().equals("sort")
                && parent.parent() != null && parent.parent().is("call");
    }

    /** Whether the identifier is bound here (an assignment or loop target), not read. */
    private static boolean isBindingTarget(SyntaxNode identifier) {
        SyntaxNode n = identifier;
        SyntaxNode parent = n.parent();
        while (parent != null && (parent.is("pattern_list") || parent.is("tuple_pattern") || parent.is("list_pattern"))) {
            n = parent;
            parent = parent.parent();
        }
        if (parent == null) {
            return false;
        }
        return ((parent.is("assignment") || parent.is("augmented_assignment")) && parent.child("left") == n)
                || ((parent.is("for_statement") || parent.is("for_in_clause")) && parent.child("left") == n)
                || (parent.is("as_pattern_target"));
    }

    /**
     * {@code return listing} in a module-level helper: its order matters if it matters at any
     * call of the helper (a helper never called is judged by its body alone: it does).
     */
    private static boolean returnedOrderMatters(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode statement,
            int depth) {
        SyntaxNode function = statement.ancestor("function_definition");
        if (function == null || function.child("name") == null || function.ancestor("function_definition") != null
                || function.ancestor("class_definition") != null) {
            return true;
        }
        String name = function.child("name").text();
        boolean called = false;
        for (AnalyzedCell other : notebook.pythonCells()) {
            for (SyntaxNode call : other.root().find(x -> x.is("call") && x.child("function") != null
                    && x.child("function").is("identifier") && x.child("function").text().equals(name)
                    && !other.semantics().isLocal(x.child("function")))) {
                called = true;
                if (orderMatters(notebook, other, call, false, false, depth + 1)) {
                    return true;
                }
            }
        }
        return !called;
    }
}
