package dev.lockstep.analyzer.python;

/** Writes Python string literals that always parse, whatever the text holds. */
public final class PythonStrings {
    private PythonStrings() {
    }

    /** A Python string literal holding {@code text}, quoted with {@code quote} (' or "). */
    public static String literal(String text, char quote) {
        StringBuilder b = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c == quote) {
                        b.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append(quote).toString();
    }
}
