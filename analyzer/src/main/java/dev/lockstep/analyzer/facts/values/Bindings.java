package dev.lockstep.analyzer.facts.values;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.BindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which expression a name stands for where it is read: the plain assignment that reaches it
 * (module-level names through the notebook's definitions, function-local names through the
 * assignments above them in their function), the call that made an object, the classes the
 * notebook defines. {@link Values} evaluates names through these, and rules that need the
 * expression itself rather than its value ({@code model} to {@code Net().to(device)}) ask here.
 */
public final class Bindings {

    /** Methods of torch modules and tensors that return the same object (or a copy of it). */
    public static final Set<String> SAME_OBJECT_METHODS = Set.of("to", "cuda", "cpu", "train", "float", "double",
            "half", "bfloat16", "requires_grad_", "type", "share_memory", "apply", "compile");

    private final AnalyzedNotebook notebook;

    Bindings(AnalyzedNotebook notebook) {
        this.notebook = notebook;
    }

    /** The node inside any number of redundant parentheses. */
    public static SyntaxNode unwrap(SyntaxNode node) {
        SyntaxNode n = node;
        while (n != null && n.is("parenthesized_expression") && n.namedChildren().size() == 1) {
            n = n.namedChildren().get(0);
        }
        return n;
    }

    /**
     * The module-level definition of a name that reaches a point: the last one before it; when
     * {@code orFirst}, else the first one after it (a notebook run out of order has only that
     * binding). Null when there is none.
     */
    Definition reaching(String name, ProgramPoint at, boolean orFirst) {
        List<Definition> definitions = notebook.definitionsOf(name);
        Definition chosen = null;
        for (Definition definition : definitions) {
            if (definition.point().compareTo(at) < 0) {
                chosen = definition;
            }
        }
        return chosen == null && orFirst && !definitions.isEmpty() ? definitions.get(0) : chosen;
    }

    /** The right side of a definition that is a plain {@code name = value} assignment, else null. */
    static SyntaxNode assignedBy(Definition definition) {
        if (definition == null || definition.kind() != BindingKind.ASSIGNMENT || definition.node() == null) {
            return null;
        }
        SyntaxNode assignment = definition.node().parent();
        if (assignment == null || !assignment.is("assignment") || assignment.child("left") != definition.node()) {
            return null;
        }
        return assignment.child("right");
    }

    /**
     * The right side of the plain assignment to a function-local name above its read, in the same
     * function: the last one, or, when {@code sole}, the one only when it is the name's one binding
     * in the function (a loop or an augmented assignment leaves it no one value).
     */
    static SyntaxNode localAssignment(SyntaxNode identifier, boolean sole) {
        SyntaxNode scope = identifier.ancestor("function_definition", "lambda");
        if (scope == null || scope.is("lambda") || scope.child("body") == null) {
            return null;
        }
        String name = identifier.text();
        SyntaxNode[] best = new SyntaxNode[1];
        int[] count = new int[1];
        scope.child("body").walk(node -> {
            if (!(node.is("assignment") || node.is("augmented_assignment") || node.is("for_statement"))) {
                return;
            }
            SyntaxNode left = node.child("left");
            if (left == null || !left.text().equals(name)
                    || node.ancestor("function_definition", "lambda", "class_definition") != scope) {
                return; // another name, or one bound in a nested scope
            }
            count[0]++;
            // model = model.to(device): the read on the right sees the binding before this one
            if (node.is("assignment") && left.is("identifier") && node.startOffset() < identifier.startOffset()
                    && !node.contains(identifier)) {
                best[0] = node;
            }
        });
        if (best[0] == null || sole && count[0] != 1) {
            return null;
        }
        return best[0].child("right");
    }

    /**
     * The expression last assigned to a name before it is read ({@code name = value} only): a
     * module-level name through the notebook's definitions (the last one above the read, else the
     * first below it), a function-local one through the assignments above it in its function.
     * Null for any other binding (a parameter, a loop, an import).
     */
    public Located assigned(AnalyzedCell cell, SyntaxNode identifier) {
        if (identifier == null || !identifier.is("identifier")) {
            return null;
        }
        if (cell.semantics().isLocal(identifier)) {
            SyntaxNode right = localAssignment(identifier, false);
            return right == null ? null : new Located(cell, unwrap(right));
        }
        Definition chosen = reaching(identifier.text(), notebook.point(cell, identifier), true);
        SyntaxNode right = assignedBy(chosen);
        return right == null ? null : new Located(chosen.cell(), unwrap(right));
    }

    /**
     * The call that made an object, looking through methods that return the same object
     * ({@code Net().to(device)} is made by {@code Net()}) and through assigned names.
     */
    public Located constructingCall(AnalyzedCell cell, SyntaxNode expression) {
        Located current = new Located(cell, unwrap(expression));
        for (int depth = 0; depth < 8 && current != null && current.node() != null; depth++) {
            SyntaxNode node = current.node();
            if (node.is("identifier")) {
                current = assigned(current.cell(), node);
                continue;
            }
            if (!node.is("call")) {
                return null;
            }
            SyntaxNode function = node.child("function");
            if (function != null && function.is("attribute")) {
                SyntaxNode method = function.child("attribute");
                if (method != null && SAME_OBJECT_METHODS.contains(method.text())
                        && notebook.qualify(current.cell(), function) == null) {
                    current = new Located(current.cell(), unwrap(function.child("object")));
                    continue;
                }
            }
            return current;
        }
        return null;
    }

    /** The class definitions ({@code class_definition} nodes) the notebook binds to a name. */
    public List<Located> classDefinitions(String name) {
        List<Located> found = new ArrayList<>();
        for (Definition definition : notebook.definitionsOf(name)) {
            if (definition.kind() == BindingKind.CLASS && definition.node() != null && definition.node().parent() != null
                    && definition.node().parent().is("class_definition")) {
                found.add(new Located(definition.cell(), definition.node().parent()));
            }
        }
        return found;
    }
}
