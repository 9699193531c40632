package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.BindingKind;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.List;
import java.util.Set;

/**
 * What simple expressions evaluate to, as far as static analysis can tell without running
 * them: literals ({@code True}, {@code 0.1}, {@code "saga"}), and names followed back to the
 * expression last assigned to them ({@code model} to {@code Net().to(device)}). Anything more
 * (a value computed at run time, a name bound by a loop or a parameter) is unknown: rules treat
 * an unknown value as "could be anything" and stay silent.
 */
final class ExpressionValues {

    /** Methods of torch modules and tensors that return the same object (or a copy of it). */
    static final Set<String> SAME_OBJECT_METHODS = Set.of("to", "cuda", "cpu", "train", "float", "double", "half",
            "bfloat16", "requires_grad_", "type", "share_memory", "apply", "compile");

    private final AnalyzedNotebook notebook;

    ExpressionValues(AnalyzedNotebook notebook) {
        this.notebook = notebook;
    }

    /** The qualified name an expression denotes ({@code nn.Linear} is {@code torch.nn.Linear}), or null. */
    String qualify(AnalyzedCell cell, SyntaxNode expression) {
        return notebook.qualify(cell, expression);
    }

    /** The class definitions ({@code class_definition} nodes) the notebook binds to a name. */
    List<Located> classDefinitions(String name) {
        List<Located> found = new java.util.ArrayList<>();
        for (Definition definition : notebook.definitionsOf(name)) {
            if (definition.kind() == BindingKind.CLASS && definition.node() != null && definition.node().parent() != null
                    && definition.node().parent().is("class_definition")) {
                found.add(new Located(definition.cell(), definition.node().parent()));
            }
        }
        return found;
    }

    /** An expression together with the cell whose source holds it. */
    record Located(AnalyzedCell cell, SyntaxNode node) {
    }

    static SyntaxNode unwrap(SyntaxNode node) {
        SyntaxNode n = node;
        while (n != null && n.is("parenthesized_expression") && n.namedChildren().size() == 1) {
            n = n.namedChildren().get(0);
        }
        return n;
    }

    static boolean isTrue(SyntaxNode node) {
        SyntaxNode n = unwrap(node);
        return n != null && n.is("true");
    }

    static boolean isFalse(SyntaxNode node) {
        SyntaxNode n = unwrap(node);
        return n != null && n.is("false");
    }

    static boolean isNone(SyntaxNode node) {
        SyntaxNode n = unwrap(node);
        return n != null && n.is("none");
    }

    /** The decoded value of a plain string literal, else null. */
    static String string(SyntaxNode node) {
        return StringLiterals.value(unwrap(node));
    }

    /** The value of an integer or float literal (with an optional sign), else null. */
    static Double number(SyntaxNode node) {
        SyntaxNode n = unwrap(node);
        if (n == null) {
            return null;
        }
        if (n.is("unary_operator")) {
            SyntaxNode operator = n.child("operator");
            Double inner = number(n.child("argument"));
            if (inner == null || operator == null) {
                return null;
            }
            return operator.text().equals("-") ? -inner : operator.text().equals("+") ? inner : null;
        }
        if (!n.is("integer") && !n.is("float")) {
            return null;
        }
        String text = n.text().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        try {
            if (n.is("integer")) {
                if (text.startsWith("0x")) {
                    return (double) Long.parseLong(text.substring(2), 16);
                }
                if (text.startsWith("0o")) {
                    return (double) Long.parseLong(text.substring(2), 8);
                }
                if (text.startsWith("0b")) {
                    return (double) Long.parseLong(text.substring(2), 2);
                }
                return Double.parseDouble(text.endsWith("l") ? text.substring(0, text.length() - 1) : text);
            }
            return text.endsWith("j") ? null : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the node is a literal (number, string, bool, None), not a name or a computation. */
    static boolean isLiteral(SyntaxNode node) {
        SyntaxNode n = unwrap(node);
        return n != null && (number(n) != null || string(n) != null || n.is("true") || n.is("false") || n.is("none"));
    }

    /**
     * The literal an expression denotes: itself when it is one, or the literal a name was last
     * assigned (a module-level constant such as {@code NUM_WORKERS = 4}); null when unknown.
     */
    Located literal(AnalyzedCell cell, SyntaxNode expression) {
        Located current = new Located(cell, unwrap(expression));
        for (int depth = 0; depth < 5 && current != null && current.node() != null; depth++) {
            if (isLiteral(current.node())) {
                return current;
            }
            if (!current.node().is("identifier")) {
                return null;
            }
            current = assignedValue(current.cell(), current.node());
        }
        return null;
    }

    /** Whether the expression is literally True (directly or through a constant). */
    boolean isTrueValue(AnalyzedCell cell, SyntaxNode expression) {
        Located literal = literal(cell, expression);
        return literal != null && isTrue(literal.node());
    }

    /** Whether the expression is literally False (directly or through a constant). */
    boolean isFalseValue(AnalyzedCell cell, SyntaxNode expression) {
        Located literal = literal(cell, expression);
        return literal != null && isFalse(literal.node());
    }

    /** The number an expression denotes (directly or through a constant), else null. */
    Double numberValue(AnalyzedCell cell, SyntaxNode expression) {
        Located literal = literal(cell, expression);
        return literal == null ? null : number(literal.node());
    }

    /** The string an expression denotes (directly or through a constant), else null. */
    String stringValue(AnalyzedCell cell, SyntaxNode expression) {
        Located literal = literal(cell, expression);
        return literal == null ? null : string(literal.node());
    }

    /**
     * The expression last assigned to the name {@code identifier} before it is read, with plain
     * {@code name = value} assignments only: a module-level name through the notebook's
     * definitions (the last one above the read, else the first below it: a notebook run out of
     * order), a function-local name through the assignments above it in the same function.
     */
    Located assignedValue(AnalyzedCell cell, SyntaxNode identifier) {
        if (identifier == null || !identifier.is("identifier")) {
            return null;
        }
        if (cell.semantics().isLocal(identifier)) {
            return localAssignment(cell, identifier);
        }
        List<Definition> definitions = notebook.definitionsOf(identifier.text());
        if (definitions.isEmpty()) {
            return null;
        }
        ProgramPoint at = notebook.point(cell, identifier);
        Definition chosen = null;
        for (Definition definition : definitions) {
            if (definition.point().compareTo(at) < 0) {
                chosen = definition;
            }
        }
        if (chosen == null) {
            chosen = definitions.get(0);
        }
        if (chosen.kind() != BindingKind.ASSIGNMENT || chosen.node() == null) {
            return null;
        }
        SyntaxNode assignment = chosen.node().parent();
        if (assignment == null || !assignment.is("assignment") || assignment.child("left") != chosen.node()) {
            return null;
        }
        SyntaxNode right = assignment.child("right");
        return right == null ? null : new Located(chosen.cell(), unwrap(right));
    }

    private static Located localAssignment(AnalyzedCell cell, SyntaxNode identifier) {
        SyntaxNode scope = identifier.ancestor("function_definition", "lambda");
        if (scope == null || scope.is("lambda")) {
            return null;
        }
        String name = identifier.text();
        SyntaxNode[] best = new SyntaxNode[1];
        SyntaxNode body = scope.child("body");
        if (body == null) {
            return null;
        }
        body.walk(node -> {
            if (!node.is("assignment") || node.startOffset() >= identifier.startOffset()) {
                return;
            }
            SyntaxNode left = node.child("left");
            if (left == null || !left.is("identifier") || !left.text().equals(name)) {
                return;
            }
            if (node.ancestor("function_definition", "lambda", "class_definition") != scope) {
                return; // bound in a nested scope
            }
            best[0] = node;
        });
        if (best[0] == null || best[0].child("right") == null) {
            return null;
        }
        return new Located(cell, unwrap(best[0].child("right")));
    }

    /**
     * The call that made an object, looking through methods that return the same object
     * ({@code Net().to(device)} is made by {@code Net()}) and through names assigned once.
     */
    Located constructingCall(AnalyzedCell cell, SyntaxNode expression) {
        Located current = new Located(cell, unwrap(expression));
        for (int depth = 0; depth < 8 && current != null && current.node() != null; depth++) {
            SyntaxNode node = current.node();
            if (node.is("identifier")) {
                current = assignedValue(current.cell(), node);
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

    /** The innermost enclosing function body, or the cell's module, that holds a node. */
    static SyntaxNode scopeOf(SyntaxNode node) {
        SyntaxNode function = node.ancestor("function_definition");
        if (function != null) {
            return function;
        }
        SyntaxNode root = node;
        while (root.parent() != null) {
            root = root.parent();
        }
        return root;
    }
}
