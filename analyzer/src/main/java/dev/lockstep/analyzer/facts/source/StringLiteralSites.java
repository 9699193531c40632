package dev.lockstep.analyzer.facts.source;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a cell that are values in code: not docstrings or bare string
 * statements, not parts of a larger implicitly concatenated string, and not the synthetic
 * strings of translated IPython escapes (rules read those from the escapes themselves).
 */
public final class StringLiteralSites {
    private StringLiteralSites() {
    }

    /**
     * A literal and its text.
     *
     * @param node     the {@code string} or {@code concatenated_string} node
     * @param text     the decoded value; for f-strings, the literal text with {@code {...}} for
     *                 each interpolation
     * @param formatted whether it is an f-string with interpolations
     */
    public record Literal(SyntaxNode node, String text, boolean formatted) {
    }

    public static List<Literal> of(AnalyzedCell cell) {
        List<Literal> literals = new ArrayList<>();
        if (!cell.isPython()) {
            return literals;
        }
        cell.root().walk(node -> {
            if (!StringLiterals.isString(node)) {
                return;
            }
            SyntaxNode parent = node.parent();
            if (parent != null && parent.is("concatenated_string")) {
                return;
            }
            if (parent != null && parent.is("expression_statement") && parent.namedChildren().size() == 1) {
                return; // a docstring or a bare string: documentation, not a value
            }
            if (cell.translated() != null && cell.translated().sourceMap().isRewritten(node.startLine())) {
                return;
            }
            String value = StringLiterals.value(node);
            if (value != null) {
                literals.add(new Literal(node, value, false));
            } else {
                String template = StringLiterals.template(node);
                if (template != null && node.find(n -> n.is("interpolation")).size() > 0) {
                    literals.add(new Literal(node, template, true));
                }
            }
        });
        return literals;
    }
}
