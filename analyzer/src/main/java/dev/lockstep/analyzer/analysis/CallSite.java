package dev.lockstep.analyzer.analysis;

import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.List;
import java.util.Map;

/**
 * A call in the notebook's code, with its callee resolved through imports.
 *
 * @param cell           the cell it is in
 * @param node           the {@code call} node
 * @param qualifiedName  the callee's fully qualified name ({@code numpy.random.rand},
 *                       {@code builtins.input}), or null when it is not a module-level import,
 *                       an alias of one, or a builtin
 * @param methodName     the last name of the callee ({@code rand} for {@code np.random.rand},
 *                       {@code sample} for {@code df.sample})
 * @param receiver       for {@code obj.method(...)}, the {@code obj} expression; else null
 * @param receiverOrigin for a receiver that is a variable (or a chain from one), the qualified
 *                       name of the call that created it ({@code pandas.read_csv} for {@code df}
 *                       after {@code df = pd.read_csv(...)}); else null
 * @param positional     positional arguments in order ({@code *args} excluded)
 * @param keywords       keyword arguments by name, in source order
 * @param hasStarArgs    whether {@code *args} or {@code **kwargs} is passed: arguments may be hidden
 * @param owner          the module-level function or class whose body contains the call, or null
 *                       when it runs with the cell
 */
public record CallSite(
        AnalyzedCell cell,
        SyntaxNode node,
        String qualifiedName,
        String methodName,
        SyntaxNode receiver,
        String receiverOrigin,
        List<SyntaxNode> positional,
        Map<String, SyntaxNode> keywords,
        boolean hasStarArgs,
        String owner) {

    public CallSite {
        positional = List.copyOf(positional);
        keywords = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keywords));
    }

    /** Whether the callee is one of the given qualified names. */
    public boolean is(String... names) {
        if (qualifiedName == null) {
            return false;
        }
        for (String name : names) {
            if (qualifiedName.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the callee's qualified name starts with {@code prefix} (e.g. {@code "torch."}). */
    public boolean isIn(String prefix) {
        return qualifiedName != null && qualifiedName.startsWith(prefix);
    }

    public boolean hasKeyword(String name) {
        return keywords.containsKey(name);
    }

    public SyntaxNode keyword(String name) {
        return keywords.get(name);
    }

    /** The argument passed by keyword {@code name} or else at {@code position}, or null. */
    public SyntaxNode argument(int position, String name) {
        SyntaxNode byName = keywords.get(name);
        if (byName != null) {
            return byName;
        }
        return position >= 0 && position < positional.size() ? positional.get(position) : null;
    }

    /** The callee expression. */
    public SyntaxNode callee() {
        return node.child("function");
    }

    /** Whether the call runs when its cell runs (not inside a function or class body). */
    public boolean isImmediate() {
        return owner == null;
    }

    public Position position() {
        return cell.position(node);
    }
}
