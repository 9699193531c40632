package dev.lockstep.analyzer.ipython;

/**
 * Follows Python's lexical state across lines just far enough to know whether the next line
 * starts a new logical line: not inside a string, not inside brackets, not after a backslash
 * continuation. IPython recognises escapes only there.
 */
final class LogicalLineScanner {
    private int bracketDepth;
    private char openQuote;          // 0 when not in a string
    private boolean tripleQuoted;
    private boolean rawString;
    private boolean backslashContinuation;

    boolean atLogicalLineStart() {
        return bracketDepth == 0 && openQuote == 0 && !backslashContinuation;
    }

    void feed(String line) {
        backslashContinuation = false;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (openQuote != 0) {
                if (c == '\\' && !rawString) {
                    if (i + 1 >= n) {
                        backslashContinuation = !tripleQuoted;
                        return; // escaped newline: the string goes on
                    }
                    i += 2;
                    continue;
                }
                if (c == '\\' && rawString) {
                    i += 2; // a raw string still cannot end on an escaped quote
                    continue;
                }
                if (c == openQuote) {
                    if (!tripleQuoted) {
                        openQuote = 0;
                    } else if (i + 2 < n && line.charAt(i + 1) == c && line.charAt(i + 2) == c) {
                        openQuote = 0;
                        i += 3;
                        continue;
                    }
                }
                i++;
                continue;
            }
            switch (c) {
                case '#' -> {
                    return; // comment to end of line
                }
                case '(', '[', '{' -> bracketDepth++;
                case ')', ']', '}' -> bracketDepth = Math.max(0, bracketDepth - 1);
                case '\\' -> {
                    if (i == n - 1 || (i == n - 2 && line.charAt(n - 1) == '\r')) {
                        backslashContinuation = true;
                        return;
                    }
                }
                case '\'', '"' -> {
                    rawString = isRawPrefix(line, i);
                    if (i + 2 < n && line.charAt(i + 1) == c && line.charAt(i + 2) == c) {
                        tripleQuoted = true;
                        openQuote = c;
                        i += 3;
                        continue;
                    }
                    tripleQuoted = false;
                    openQuote = c;
                }
                default -> {
                }
            }
            i++;
        }
        if (openQuote != 0 && !tripleQuoted) {
            openQuote = 0; // an unterminated single-quoted string ends at the line (a syntax error)
        }
    }

    private static boolean isRawPrefix(String line, int quoteAt) {
        int j = quoteAt - 1;
        while (j >= 0 && Character.isLetter(line.charAt(j)) && quoteAt - j <= 2) {
            if (line.charAt(j) == 'r' || line.charAt(j) == 'R') {
                return true;
            }
            j--;
        }
        return false;
    }
}
