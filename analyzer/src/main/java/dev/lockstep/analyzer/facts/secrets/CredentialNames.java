package dev.lockstep.analyzer.facts.secrets;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.List;

/** The name code binds a string literal to, as the secret detector wants it. */
public final class CredentialNames {
    private CredentialNames() {
    }

    /**
     * The name a literal is bound to: the keyword of a keyword argument (prefixed with the
     * callee's top-level module, {@code openai.api_key}), the target of an assignment
     * ({@code db_password}, {@code openai.api_key}, {@code os.environ["HF_TOKEN"]} gives
     * {@code HF_TOKEN}), a dictionary key, a parameter with a default, or the variable of
     * {@code os.environ.setdefault("NAME", "...")}/{@code os.putenv}; null otherwise.
     */
    public static String boundName(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode literal) {
        SyntaxNode node = literal;
        SyntaxNode parent = node.parent();
        while (parent != null && parent.is("parenthesized_expression")) {
            node = parent;
            parent = parent.parent();
        }
        if (parent == null) {
            return null;
        }
        switch (parent.type()) {
            case "keyword_argument" -> {
                SyntaxNode name = parent.child("name");
                if (name == null || parent.child("value") != node) {
                    return null;
                }
                SyntaxNode call = parent.parent() == null ? null : parent.parent().parent();
                String callee = call != null && call.is("call") ? notebook.qualify(cell, call.child("function")) : null;
                if ("wandb.login".equals(callee) && name.text().equals("key")) {
                    return "wandb.api_key";
                }
                if (callee != null && !callee.startsWith("builtins.")) {
                    return callee.substring(0, callee.indexOf('.') < 0 ? callee.length() : callee.indexOf('.')) + "."
                            + name.text();
                }
                return name.text();
            }
            case "assignment" -> {
                if (parent.child("right") != node) {
                    return null;
                }
                return targetName(parent.child("left"));
            }
            case "pair" -> {
                return parent.child("value") == node ? StringLiterals.value(parent.child("key")) : null;
            }
            case "default_parameter", "typed_default_parameter" -> {
                SyntaxNode name = parent.child("name");
                return parent.child("value") == node && name != null ? name.text() : null;
            }
            case "argument_list" -> {
                SyntaxNode call = parent.parent();
                if (call == null || !call.is("call")) {
                    return null;
                }
                String callee = notebook.qualify(cell, call.child("function"));
                List<SyntaxNode> arguments = parent.namedChildren();
                if (("os.environ.setdefault".equals(callee) || "os.putenv".equals(callee)) && arguments.size() == 2
                        && arguments.get(1) == node) {
                    return StringLiterals.value(arguments.get(0));
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String targetName(SyntaxNode left) {
        if (left == null) {
            return null;
        }
        if (left.is("identifier") || left.is("attribute")) {
            return left.text();
        }
        if (left.is("subscript")) {
            return StringLiterals.value(left.child("subscript"));
        }
        return null;
    }
}
