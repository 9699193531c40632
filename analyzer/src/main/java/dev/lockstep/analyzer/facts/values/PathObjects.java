package dev.lockstep.analyzer.facts.values;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.List;
import java.util.Set;

/**
 * Whether an expression is a {@code pathlib} path object, whatever its text: made by
 * {@code Path(...)} or derived from one ({@code p / "x"}, {@code p.parent}, {@code p.resolve()}),
 * a name bound to one, a parameter annotated as one, a loop variable over a path listing. A
 * question of type, not of value: {@code Path(input())} is a path whose text no one knows.
 */
public final class PathObjects {

    /** Path methods that list a directory: their items are paths too. */
    public static final Set<String> LISTING_METHODS = Set.of("glob", "rglob", "iterdir");

    /** How far names are followed ({@code a = b; b = Path(...)}). */
    private static final int MAX_DEPTH = 4;

    /** Calls that make a path. */
    private static final Set<String> PATH_CONSTRUCTORS = Set.of("pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath",
            "pathlib.WindowsPath", "pathlib.PurePosixPath", "pathlib.PureWindowsPath", "pathlib.Path.cwd",
            "pathlib.Path.home", "pathlib.PosixPath.home", "pathlib.WindowsPath.home", "pathlib.PosixPath.cwd");

    /** Path methods that return a path. */
    private static final Set<String> PATH_METHODS = Set.of("resolve", "absolute", "expanduser", "joinpath", "with_name",
            "with_suffix", "with_stem", "relative_to", "readlink");

    private final AnalyzedNotebook notebook;
    private final Values values;

    PathObjects(AnalyzedNotebook notebook, Values values) {
        this.notebook = notebook;
        this.values = values;
    }

    boolean isPath(AnalyzedCell cell, SyntaxNode expression) {
        return isPath(cell, expression, 0);
    }

    private boolean isPath(AnalyzedCell cell, SyntaxNode e, int depth) {
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
                    return isPath(cell, callee.child("object"), depth + 1);
                }
                return false;
            }
            case "attribute" -> {
                SyntaxNode attribute = e.child("attribute");
                return attribute != null && attribute.text().equals("parent")
                        && isPath(cell, e.child("object"), depth + 1);
            }
            case "subscript" -> {
                SyntaxNode value = e.child("value");
                return value != null && value.is("attribute") && value.child("attribute") != null
                        && value.child("attribute").text().equals("parents")
                        && isPath(cell, value.child("object"), depth + 1);
            }
            case "binary_operator" -> {
                SyntaxNode operator = e.child("operator");
                return operator != null && operator.text().equals("/")
                        && (isPath(cell, e.child("left"), depth + 1) || isPath(cell, e.child("right"), depth + 1));
            }
            case "parenthesized_expression" -> {
                List<SyntaxNode> inner = e.namedChildren();
                return inner.size() == 1 && isPath(cell, inner.get(0), depth);
            }
            case "identifier" -> {
                return isPathName(cell, e, depth);
            }
            default -> {
                return false;
            }
        }
    }

    private boolean isPathName(AnalyzedCell cell, SyntaxNode identifier, int depth) {
        if (!cell.semantics().isLocal(identifier)) {
            String origin = notebook.origin(cell, identifier);
            if (origin != null) {
                return PATH_CONSTRUCTORS.contains(origin) || origin.startsWith("pathlib.");
            }
            Located assigned = values.bindings().assigned(cell, identifier);
            if (assigned != null) {
                return isPath(assigned.cell(), assigned.node(), depth + 1);
            }
            return loopVariableOverPaths(cell, identifier, depth);
        }
        // A local: a parameter annotated as a Path, an assignment or a loop over a path listing in its function.
        SyntaxNode function = identifier.ancestor("function_definition", "lambda");
        if (function == null) {
            return loopVariableOverPaths(cell, identifier, depth);
        }
        String name = identifier.text();
        for (SyntaxNode parameter : function.find(n -> n.is("typed_parameter") || n.is("typed_default_parameter"))) {
            SyntaxNode type = parameter.child("type");
            SyntaxNode first = parameter.namedChildren().isEmpty() ? null : parameter.namedChildren().get(0);
            String parameterName = parameter.child("name") != null ? parameter.child("name").text()
                    : first != null ? first.text() : "";
            if (parameterName.equals(name) && type != null
                    && type.text().matches("(pathlib\\.)?(Pure)?(Posix|Windows)?Path")) {
                return true;
            }
        }
        for (SyntaxNode assignment : function.find(n -> n.is("assignment"))) {
            SyntaxNode left = assignment.child("left");
            if (left != null && left.is("identifier") && left.text().equals(name)
                    && assignment.startOffset() < identifier.startOffset()
                    && isPath(cell, assignment.child("right"), depth + 1)) {
                return true; // any path assignment above: the name is a path on at least one path through
            }
        }
        return loopVariableOverPaths(cell, identifier, depth);
    }

    /** {@code for p in root.iterdir(): ... p ...} and the same in comprehensions. */
    private boolean loopVariableOverPaths(AnalyzedCell cell, SyntaxNode identifier, int depth) {
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
                        && isPath(cell, right.child("function").child("object"), depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
