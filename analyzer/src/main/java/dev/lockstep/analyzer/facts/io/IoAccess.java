package dev.lockstep.analyzer.facts.io;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Contextual;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.List;

/**
 * One place a call reads, writes, lists, downloads or loads from a hub.
 *
 * @param call     the call
 * @param api      the catalogue entry it matched
 * @param access   what it does there (an {@code open} reads or writes by its mode)
 * @param argument the expression naming the place (the receiver for {@code Path.write_text})
 * @param values   what that expression evaluates to: one value, or one per call of the
 *                 notebook function the call sits in
 * @param revision the expression passed as revision, or null
 */
public record IoAccess(CallSite call, IoApi api, Access access, SyntaxNode argument, List<Contextual> values,
        SyntaxNode revision) {

    public IoAccess {
        values = List.copyOf(values);
    }

    public AnalyzedCell cell() {
        return call.cell();
    }

    public Shape shape() {
        return api.shape();
    }

    /** The 1-based line of the call in its cell. */
    public int line() {
        return call.cell().position(call.node()).line();
    }

    /**
     * The path as the library really uses it: {@code np.save("a", x)} writes {@code a.npy}.
     * Null when the value is not a fully known string.
     */
    public static String effectivePath(IoApi api, Value value) {
        String text = value.string();
        if (text == null) {
            return null;
        }
        if (api.suffix() != null && !text.endsWith(api.suffix())) {
            return text + api.suffix();
        }
        return text;
    }
}
