package dev.lockstep.analyzer.semantics;

import dev.lockstep.analyzer.python.SyntaxNode;

/** Reads the value of Python string literal nodes. */
public final class StringLiterals {
    private StringLiterals() {
    }

    /**
     * The value of a plain or concatenated string literal, with escapes decoded; null for
     * anything else, including f-strings with interpolations and byte strings.
     */
    public static String value(SyntaxNode node) {
        if (node == null) {
            return null;
        }
        if (node.is("parenthesized_expression") && node.namedChildren().size() == 1) {
            return value(node.namedChildren().get(0));
        }
        if (node.is("concatenated_string")) {
            StringBuilder b = new StringBuilder();
            for (SyntaxNode part : node.namedChildren()) {
                String v = value(part);
                if (v == null) {
                    return null;
                }
                b.append(v);
            }
            return b.toString();
        }
        if (!node.is("string")) {
            return null;
        }
        SyntaxNode start = node.firstChildOfType("string_start");
        String prefix = start == null ? "" : prefixOf(start.text());
        if (prefix.contains("b")) {
            return null;
        }
        boolean raw = prefix.contains("r");
        StringBuilder b = new StringBuilder();
        for (SyntaxNode child : node.children()) {
            switch (child.type()) {
                case "string_content" -> b.append(raw ? child.text() : unescape(child.text()));
                case "escape_sequence" -> b.append(raw ? child.text() : unescape(child.text()));
                case "interpolation" -> {
                    return null;
                }
                default -> {
                    // quotes, prefixes
                }
            }
        }
        return b.toString();
    }

    /** Whether the node is a string literal of any kind (f-strings included). */
    public static boolean isString(SyntaxNode node) {
        return node != null && (node.is("string") || node.is("concatenated_string"));
    }

    /**
     * The literal text of a string node with interpolations shown as {@code {...}}: enough to
     * recognise a path prefix in an f-string.
     */
    public static String template(SyntaxNode node) {
        if (node == null) {
            return null;
        }
        if (node.is("concatenated_string")) {
            StringBuilder b = new StringBuilder();
            for (SyntaxNode part : node.namedChildren()) {
                String v = template(part);
                b.append(v == null ? "" : v);
            }
            return b.toString();
        }
        if (!node.is("string")) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (SyntaxNode child : node.children()) {
            switch (child.type()) {
                case "string_content", "escape_sequence" -> b.append(child.text());
                case "interpolation" -> b.append("{...}");
                default -> {
                }
            }
        }
        return b.toString();
    }

    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                b.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '0' -> b.append('\0');
                case '\\' -> b.append('\\');
                case '\'' -> b.append('\'');
                case '"' -> b.append('"');
                case '\n' -> {
                    // line continuation inside the string
                }
                case 'x' -> {
                    if (i + 2 < text.length()) {
                        try {
                            b.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                            i += 2;
                        } catch (NumberFormatException e) {
                            b.append("\\x");
                        }
                    } else {
                        b.append("\\x");
                    }
                }
                case 'u' -> {
                    if (i + 4 < text.length()) {
                        try {
                            b.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                            i += 4;
                        } catch (NumberFormatException e) {
                            b.append("\\u");
                        }
                    } else {
                        b.append("\\u");
                    }
                }
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    /** The string prefix of a string_start token (r, b, f, u, in lower case), without its quotes. */
    private static String prefixOf(String stringStart) {
        StringBuilder prefix = new StringBuilder(2);
        for (int i = 0; i < stringStart.length(); i++) {
            char c = stringStart.charAt(i);
            if (c != '\'' && c != '"') {
                prefix.append(Character.toLowerCase(c));
            }
        }
        return prefix.toString();
    }
}
