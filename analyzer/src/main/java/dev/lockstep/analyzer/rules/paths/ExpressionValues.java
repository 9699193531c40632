package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.List;
import java.util.Set;

/**
 * What little the path rules need to know about an expression's value without running it:
 * the string it holds (a literal, an f-string's template, a concatenation that starts with a
 * literal, or a module-level name bound to one) and whether it is a {@code pathlib} path.
 */
final class ExpressionValues {
    private ExpressionValues() {
    }

    /** How far names are followed ({@code a = b; b = Path(...)}). */
    private static final int MAX_DEPTH = 4;

    /** Calls that make a path. */
    private static final Set<String> PATH_CONSTRUCTORS = Set.of("pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath",
            "pathlib.WindowsPath", "pathlib.PurePosixPath", "pathlib.PureWindowsPath", "pathlib.Path.cwd",
            "pathlib.Path.home", "pathlib.PosixPath.home", "pathlib.WindowsPath.home", "pathlib.PosixPath.cwd");

    /** Path methods that return a path. */
    private static final Set<String> PATH_METHODS = Set.of("resolve", "absolute", "expanduser", "joinpath", "with_name",
            "with_suffix", "with_stem", "relative_to", "readlink");

    /** Path methods that list a directory: their items are paths too. */
    static final Set<String> LISTING_METHODS = Set.of("glob", "rglob", "iterdir");

    /**
     * The string value of an expression where it is used, or null when unknown. F-strings give
     * their template ({@code {...}} for each interpolation); {@code "a" + x} gives {@code a{...}}.
     */
    static String stringValue(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression) {
        return stringValue(notebook, cell, expression, 0);
    }

    private static String stringValue(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode e, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return null;
        }
        if (StringLiterals.isString(e)) {
            String value = StringLiterals.value(e);
            return value != null ? value : StringLiterals.template(e);
        }
        switch (e.type()) {
            case "parenthesized_expression" -> {
                List<SyntaxNode> inner = e.namedChildren();
                return inner.size() == 1 ? stringValue(notebook, cell, inner.get(0), depth) : null;
            }
            case "binary_operator" -> {
                SyntaxNode operator = e.child("operator");
                if (operator == null || !operator.text().equals("+")) {
                    return null;
                }
                String left = stringValue(notebook, cell, e.child("left"), depth + 1);
                if (left == null) {
                    return null;
                }
                String right = stringValue(notebook, cell, e.child("right"), depth + 1);
                return left + (right == null ? "{...}" : right);
            }
            case "identifier" -> {
                SyntaxNode right = moduleLevelValue(notebook, cell, e);
                return right == null ? null : stringValue(notebook, definingCell(notebook, cell, e), right, depth + 1);
            }
            default -> {
                return null;
            }
        }
    }

    /** Whether the expression is a {@code pathlib} path (made by {@code Path(...)} or derived from one). */
    static boolean isPath(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression) {
        return isPath(notebook, cell, expression, 0);
    }

    private static boolean isPath(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode e, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return false;
        }
        switch (e.type()) {
            case "call" -> {
                SyntaxNode callee = e.child("function");
                String qualified = notebook.qualify(cell, callee);
                if (qualified != null) {
                    return PATH_CONSTRUCTORS.contains(qualified);
                }
                if (callee != null && callee.is("attribute") && callee.child("attribute") != null
                        && PATH_METHODS.contains(callee.child("attribute").text())) {
                    return isPath(notebook, cell, callee.child("object"), depth + 1);
                }
                return false;
            }
            case "attribute" -> {
                SyntaxNode attribute = e.child("attribute");
                return attribute != null && attribute.text().equals("parent")
                        && isPath(notebook, cell, e.child("object"), depth + 1);
            }
            case "subscript" -> {
                SyntaxNode value = e.child("value");
                return value != null && value.is("attribute") && value.child("attribute") != null
                        && value.child("attribute").text().equals("parents")
                        && isPath(notebook, cell, value.child("object"), depth + 1);
            }
            case "binary_operator" -> {
                SyntaxNode operator = e.child("operator");
                return operator != null && operator.text().equals("/")
                        && (isPath(notebook, cell, e.child("left"), depth + 1)
                                || isPath(notebook, cell, e.child("right"), depth + 1));
            }
            case "parenthesized_expression" -> {
                List<SyntaxNode> inner = e.namedChildren();
                return inner.size() == 1 && isPath(notebook, cell, inner.get(0), depth);
            }
            case "identifier" -> {
                return isPathName(notebook, cell, e, depth);
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean isPathName(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode identifier, int depth) {
        if (!cell.semantics().isLocal(identifier)) {
            String origin = notebook.origin(cell, identifier);
            if (origin != null) {
                return PATH_CONSTRUCTORS.contains(origin) || origin.startsWith("pathlib.");
            }
            SyntaxNode right = moduleLevelValue(notebook, cell, identifier);
            if (right != null) {
                return isPath(notebook, definingCell(notebook, cell, identifier), right, depth + 1);
            }
            return loopVariableOverPaths(notebook, cell, identifier, depth);
        }
        // A local: a parameter annotated as a Path, an assignment or a loop over a path listing in its function.
        SyntaxNode function = identifier.ancestor("function_definition", "lambda");
        if (function == null) {
            return loopVariableOverPaths(notebook, cell, identifier, depth);
        }
        String name = identifier.text();
        for (SyntaxNode parameter : function.find(n -> n.is("typed_parameter") || n.is("typed_default_parameter"))) {
            SyntaxNode type = parameter.child("type");
            SyntaxNode first = parameter.namedChildren().isEmpty() ? null : parameter.namedChildren().get(0);
            String parameterName = parameter.child("name") != null ? parameter.child("name").text()
                    : first != null ? first.text() : "";
            if (parameterName.equals(name) && type != null && type.text().matches("(pathlib\\.)?(Pure)?(Posix|Windows)?Path")) {
                return true;
            }
        }
        for (SyntaxNode assignment : function.find(n -> n.is("assignment"))) {
            SyntaxNode left = assignment.child("left");
            if (left != null && left.is("identifier") && left.text().equals(name)
                    && assignment.startOffset() < identifier.startOffset()
                    && isPath(notebook, cell, assignment.child("right"), depth + 1)) {
                return true;
            }
        }
        return loopVariableOverPaths(notebook, cell, identifier, depth);
    }

    /** {@code for p in root.iterdir(): ... p ...} and the same in comprehensions. */
    private static boolean loopVariableOverPaths(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode identifier,
            int depth) {
        for (SyntaxNode n = identifier.parent(); n != null; n = n.parent()) {
            SyntaxNode scope = n;
            List<SyntaxNode> loops = n.is("for_statement") ? List.of(n)
                    : n.is("list_comprehension") || n.is("set_comprehension") || n.is("generator_expression")
                            || n.is("dictionary_comprehension") ? n.find(c -> c.is("for_in_clause") && c.parent() == scope)
                    : List.of();
            for (SyntaxNode loop : loops) {
                SyntaxNode left = loop.child("left");
                SyntaxNode right = loop.child("right");
                if (left != null && left.is("identifier") && left.text().equals(identifier.text()) && right != null
                        && right.is("call") && right.child("function") != null && right.child("function").is("attribute")
                        && LISTING_METHODS.contains(right.child("function").child("attribute").text())
                        && isPath(notebook, cell, right.child("function").child("object"), depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The right-hand side of the module-level assignment that gives a global name its value
     * where it is read (the last one before, else the first), or null when that binding is not a
     * plain assignment.
     */
    static SyntaxNode moduleLevelValue(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode identifier) {
        Definition definition = definitionAt(notebook, cell, identifier);
        if (definition == null || definition.node() == null) {
            return null;
        }
        SyntaxNode target = definition.node();
        SyntaxNode assignment = target.parent();
        if (assignment == null || !assignment.is("assignment") || assignment.child("left") != target) {
            return null;
        }
        return assignment.child("right");
    }

    private static AnalyzedCell definingCell(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode identifier) {
        Definition definition = definitionAt(notebook, cell, identifier);
        return definition == null ? cell : definition.cell();
    }

    private static Definition definitionAt(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode identifier) {
        if (cell.semantics().isLocal(identifier)) {
            return null;
        }
        List<Definition> definitions = notebook.definitionsOf(identifier.text());
        if (definitions.isEmpty()) {
            return null;
        }
        ProgramPoint at = notebook.point(cell, identifier);
        Definition best = null;
        for (Definition d : definitions) {
            if (d.point().compareTo(at) < 0) {
                best = d;
            }
        }
        return best != null ? best : definitions.get(0);
    }
}
