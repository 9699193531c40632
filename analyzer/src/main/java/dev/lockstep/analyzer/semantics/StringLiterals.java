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
        String prefix = prefix(node);
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

    /** A str literal's escapes decoded ({@code \\n}, {@code \\x41}, {@code \\u00e9}, octal, {@code \\N{...}}). */
    public static String unescape(String text) {
        return unescape(text, false);
    }

    /**
     * The escapes of a literal's text decoded as Python does: in a bytes literal ({@code bytes})
     * {@code \\u}, {@code \\U} and {@code \\N} are not escapes and stay as written; an unknown
     * escape ({@code \\d}) stays as written too.
     */
    public static String unescape(String text, boolean bytes) {
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
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'v' -> b.append('\u000b');
                case '\\' -> b.append('\\');
                case '\'' -> b.append('\'');
                case '"' -> b.append('"');
                case '\n' -> {
                    // line continuation inside the string
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int end = i + 1;
                    while (end < text.length() && end < i + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    b.append((char) Integer.parseInt(text.substring(i, end), 8));
                    i = end - 1;
                }
                case 'x' -> i = hex(text, i, 2, b);
                case 'u' -> i = bytes ? literally(b, n, i) : hex(text, i, 4, b);
                case 'U' -> i = bytes ? literally(b, n, i) : hex(text, i, 8, b);
                case 'N' -> {
                    int close = text.indexOf('}', i);
                    int codePoint = -1;
                    if (!bytes && close > i + 2 && text.charAt(i + 1) == '{') {
                        try {
                            codePoint = Character.codePointOf(text.substring(i + 2, close));
                        } catch (IllegalArgumentException e) {
                            codePoint = -1;
                        }
                    }
                    if (codePoint < 0) {
                        i = literally(b, n, i);
                    } else {
                        b.appendCodePoint(codePoint);
                        i = close;
                    }
                }
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    /** An escape kept as written; returns the index of its last character. */
    private static int literally(StringBuilder b, char escape, int at) {
        b.append('\\').append(escape);
        return at;
    }

    /** {@code \\x41}, {@code \\u00e9}, {@code \\U0001F600}: {@code digits} hex digits after index {@code at}. */
    private static int hex(String text, int at, int digits, StringBuilder b) {
        if (at + digits < text.length()) {
            try {
                b.appendCodePoint(Integer.parseInt(text.substring(at + 1, at + 1 + digits), 16));
                return at + digits;
            } catch (IllegalArgumentException e) {
                // not hex digits: kept as written
            }
        }
        return literally(b, text.charAt(at), at);
    }

    /** The prefix of a string literal node (r, b, f, u, in lower case); "" for anything else. */
    public static String prefix(SyntaxNode string) {
        SyntaxNode start = string == null ? null : string.firstChildOfType("string_start");
        return start == null ? "" : prefixOf(start.text());
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
