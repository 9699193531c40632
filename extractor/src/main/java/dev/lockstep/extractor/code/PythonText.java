package dev.lockstep.extractor.code;

import dev.lockstep.analyzer.python.PythonStrings;

/** Writes Python source fragments: string literals that always parse. */
public final class PythonText {
    private PythonText() {
    }

    /** A double-quoted Python string literal holding {@code text}. */
    public static String string(String text) {
        return PythonStrings.literal(text, '"');
    }

    /**
     * An f-string that reproduces IPython's {@code {expr}} interpolation in a shell command; other
     * braces are doubled so they stay literal.
     */
    public static String interpolated(String text) {
        String literal = string(text);
        StringBuilder b = new StringBuilder("f");
        // string() never emits braces specially: double the ones that are not interpolations.
        int i = 0;
        while (i < literal.length()) {
            char c = literal.charAt(i);
            if (c == '{') {
                int close = literal.indexOf('}', i);
                String inner = close < 0 ? "" : literal.substring(i + 1, close);
                if (close > 0 && inner.matches("[A-Za-z_][\\w.\\[\\]'\"]*")) {
                    b.append(literal, i, close + 1);
                    i = close + 1;
                    continue;
                }
                b.append("{{");
            } else if (c == '}') {
                b.append("}}");
            } else {
                b.append(c);
            }
            i++;
        }
        return b.toString();
    }

    /** The leading whitespace of a line. */
    public static String indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }
}
