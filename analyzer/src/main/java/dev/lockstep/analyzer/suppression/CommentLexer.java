package dev.lockstep.analyzer.suppression;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds comments without a syntax tree, for code the parser could not read. Both scans know
 * their language's strings well enough that a {@code #} inside a string never counts, and both
 * give up on the rest of a string that never closes rather than guess: a fallback may miss a
 * suppression, but never invents one.
 */
final class CommentLexer {
    private CommentLexer() {
    }

    /**
     * Comments of Python source (or of a language whose strings and comments look like Python's):
     * single- and triple-quoted strings with any prefix, backslash escapes, and strings that
     * break off at the end of a line (a syntax error) ending there, as Python's tokenizer says.
     */
    static List<CommentText> python(String source) {
        List<CommentText> comments = new ArrayList<>();
        int line = 0;
        int lineStart = 0;
        int n = source.length();
        int i = 0;
        char quote = 0;
        boolean triple = false;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                if (quote != 0 && !triple) {
                    quote = 0; // an unterminated one-line string ends here
                }
                line++;
                lineStart = i + 1;
                i++;
                continue;
            }
            if (quote != 0) {
                if (c == '\\') {
                    i += 2; // an escaped quote, backslash or line break stays in the string
                    if (i - 1 < n && source.charAt(i - 1) == '\n') {
                        line++;
                        lineStart = i;
                    }
                    continue;
                }
                if (c == quote) {
                    if (!triple) {
                        quote = 0;
                    } else if (i + 2 < n && source.charAt(i + 1) == c && source.charAt(i + 2) == c) {
                        quote = 0;
                        i += 3;
                        continue;
                    }
                }
                i++;
                continue;
            }
            if (c == '#') {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                String text = source.substring(i, end);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                comments.add(new CommentText(line, i - lineStart, text));
                i = end;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                triple = i + 2 < n && source.charAt(i + 1) == c && source.charAt(i + 2) == c;
                i += triple ? 3 : 1;
                continue;
            }
            i++;
        }
        return comments;
    }

    /**
     * The comment of one shell-like line (an IPython {@code !cmd} or {@code %magic} line, or a
     * line of a non-Python cell magic's body), if any: a {@code #} that starts a word, outside
     * single and double quotes, as a POSIX shell reads it.
     */
    static CommentText shell(int line, String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                }
            } else if (quote == '"') {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quote = 0;
                }
            } else if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                String comment = text.substring(i);
                return new CommentText(line, i, comment.endsWith("\r") ? comment.substring(0, comment.length() - 1) : comment);
            }
        }
        return null;
    }
}
