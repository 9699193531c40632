package dev.lockstep.analyzer.rules;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.List;

/** Builds the common fixes: set an argument of a call, replace an expression. */
public final class Fixes {
    private Fixes() {
    }

    /**
     * Sets keyword {@code name} of the call to {@code value}: replaces the value when the keyword
     * is passed (e.g. {@code random_state=None}), else adds it after the last argument. Null when
     * the call's arguments cannot take one (a bare generator argument).
     */
    public static Fix setKeyword(CallSite call, String name, String value) {
        SyntaxNode existing = call.keyword(name);
        if (existing != null) {
            return replace(existing, value, "pass " + name + "=" + value);
        }
        return insertArgument(call, name + "=" + value, "pass " + name + "=" + value);
    }

    /** Adds a positional argument to a call that has none ({@code default_rng()} to {@code default_rng(SEED)}). */
    public static Fix addFirstArgument(CallSite call, String value) {
        if (!call.positional().isEmpty() || !call.keywords().isEmpty() || call.hasStarArgs()) {
            return null;
        }
        return insertArgument(call, value, "pass " + value);
    }

    /** Replaces an expression with {@code text}. */
    public static Fix replace(SyntaxNode node, String text, String title) {
        return new Fix(title, List.of(new Fix.Edit(node.startOffset(), node.endOffset(), text)));
    }

    /** Inserts an argument before the closing parenthesis, minding an existing trailing comma. */
    public static Fix insertArgument(CallSite call, String argument, String title) {
        SyntaxNode arguments = call.node().child("arguments");
        if (arguments == null || !arguments.is("argument_list")) {
            return null;
        }
        List<SyntaxNode> children = arguments.children();
        SyntaxNode close = children.isEmpty() ? null : children.get(children.size() - 1);
        if (close == null || !close.type().equals(")")) {
            return null;
        }
        boolean empty = arguments.namedChildren().stream().noneMatch(n -> !n.is("comment"));
        SyntaxNode before = children.size() >= 2 ? children.get(children.size() - 2) : null;
        boolean trailingComma = before != null && before.type().equals(",");
        String text = empty || trailingComma ? argument : ", " + argument;
        return new Fix(title, List.of(new Fix.Edit(close.startOffset(), close.startOffset(), text)));
    }
}
