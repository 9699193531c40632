package dev.lockstep.analyzer.suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads suppression directives out of one comment's text:
 * {@code # lockstep: ignore} (every rule) and {@code # lockstep: ignore[LS201, LS302]}. The
 * directive may follow other comment text after a second {@code #}
 * ({@code # noqa: E501  # lockstep: ignore[LS201]}). Keywords are matched ignoring case; ids
 * are kept as written. Anything that starts like a directive but cannot be read is malformed,
 * and a malformed directive silences nothing: it never falls back to silencing every rule.
 */
final class DirectiveParser {
    private static final Pattern START = Pattern.compile("#\\s*lockstep\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[A-Za-z_-]*");
    private static final Pattern ID_TOKEN = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern LOOKS_LIKE_IDS = Pattern.compile("^(?:[:=(]|[A-Za-z]+[0-9]+\\b)");
    static final String USAGE = "write # lockstep: ignore[ID, ...]";

    private DirectiveParser() {
    }

    /**
     * One piece of a directive: a rule id, a blanket suppression, or a malformed directive.
     *
     * @param start   start offset in the comment text (UTF-16)
     * @param end     end offset, exclusive
     * @param ruleId  the id (for an id piece), null for a blanket or malformed piece
     * @param problem why it is malformed, or null
     */
    record Piece(int start, int end, String ruleId, String problem) {
        boolean isMalformed() {
            return problem != null;
        }
    }

    static List<Piece> parse(String text) {
        List<Piece> pieces = new ArrayList<>();
        Matcher start = START.matcher(text);
        int from = 0;
        while (from < text.length() && start.find(from)) {
            int directiveStart = start.start();
            int p = skipSpaces(text, start.end());
            Matcher word = WORD.matcher(text).region(p, text.length());
            String keyword = word.lookingAt() ? word.group() : "";
            if (!keyword.equalsIgnoreCase("ignore")) {
                int end = p + keyword.length();
                String what = keyword.isEmpty() ? "nothing" : "'" + keyword + "'";
                pieces.add(new Piece(directiveStart, Math.max(end, start.end()), null,
                        "malformed suppression: " + what + " after 'lockstep:' is no directive; " + USAGE));
                from = Math.max(end, start.end());
                continue;
            }
            int afterKeyword = p + keyword.length();
            if (afterKeyword < text.length() && Character.isLetterOrDigit(text.charAt(afterKeyword))) {
                int end = afterKeyword;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                pieces.add(new Piece(directiveStart, end, null,
                        "malformed suppression: put the ids in brackets, as in # lockstep: ignore[LS201]"));
                from = end;
                continue;
            }
            int q = skipSpaces(text, afterKeyword);
            if (q < text.length() && text.charAt(q) == '[') {
                from = parseIds(text, directiveStart, q, pieces);
                continue;
            }
            if (LOOKS_LIKE_IDS.matcher(text.substring(q)).find()) {
                int end = q;
                while (end < text.length() && text.charAt(end) != '#') {
                    end++;
                }
                pieces.add(new Piece(directiveStart, stripEnd(text, end), null,
                        "malformed suppression: put the ids in brackets, as in # lockstep: ignore[LS201]"));
                from = end;
                continue;
            }
            pieces.add(new Piece(directiveStart, afterKeyword, null, null));
            from = afterKeyword;
        }
        return pieces;
    }

    /** Reads {@code [ID, ...]} at {@code open}; returns where to go on. */
    private static int parseIds(String text, int directiveStart, int open, List<Piece> pieces) {
        int close = text.indexOf(']', open);
        if (close < 0) {
            pieces.add(new Piece(directiveStart, stripEnd(text, text.length()), null,
                    "malformed suppression: '[' is never closed; " + USAGE));
            return text.length();
        }
        List<Piece> ids = new ArrayList<>();
        String problem = null;
        int tokenStart = open + 1;
        if (text.substring(open + 1, close).isBlank()) {
            problem = "malformed suppression: no rule id between the brackets; " + USAGE;
        }
        while (problem == null && tokenStart <= close) {
            int comma = text.indexOf(',', tokenStart);
            int tokenEnd = comma < 0 || comma > close ? close : comma;
            String raw = text.substring(tokenStart, tokenEnd);
            String token = raw.strip();
            if (token.isEmpty()) {
                problem = "malformed suppression: an empty id in the list; separate ids with single commas, as in ignore[LS201, LS302]";
            } else if (!ID_TOKEN.matcher(token).matches()) {
                problem = "malformed suppression: '" + token + "' is not one rule id; separate ids with commas, "
                        + "as in ignore[LS201, LS302]";
            } else {
                int at = tokenStart + raw.indexOf(token);
                ids.add(new Piece(at, at + token.length(), token, null));
            }
            tokenStart = tokenEnd + 1;
        }
        if (problem != null) {
            pieces.add(new Piece(directiveStart, close + 1, null, problem));
        } else {
            pieces.addAll(ids);
        }
        return close + 1;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int stripEnd(String text, int end) {
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
