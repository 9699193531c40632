package dev.lockstep.analyzer.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of every key, table, array element and inline-table entry of a TOML document, so
 * configuration errors can name their line. Jackson's TOML parser builds a tree first and keeps
 * no positions, so this reads the text once more, after the parser has accepted it: it only
 * has to walk valid TOML (strings, multi-line strings and arrays, inline tables, table and
 * array-of-tables headers), never to judge it. Should it meet something it does not follow, it
 * keeps the lines found so far; errors then fall back to the line of an enclosing key.
 */
final class TomlKeyLines {
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, Integer> arrayTables = new HashMap<>();
    private final String text;
    private int i;
    private int line = 1;

    private TomlKeyLines(String text) {
        this.text = text;
    }

    static TomlKeyLines of(String text) {
        TomlKeyLines reader = new TomlKeyLines(text);
        try {
            reader.document();
        } catch (RuntimeException e) {
            // Keep what was found: lines are a help for messages, the parser already checked the syntax.
        }
        return reader;
    }

    /** The 1-based line of a key, or of its nearest enclosing key or table that has one (1 at worst). */
    int lineOf(KeyPath path) {
        for (KeyPath p = path; ; p = p.parent()) {
            Integer found = lines.get(p.pointer());
            if (found != null) {
                return found;
            }
            if (p.isRoot()) {
                return 1;
            }
        }
    }

    private void document() {
        KeyPath table = KeyPath.ROOT;
        while (true) {
            skipBlank();
            if (eof()) {
                return;
            }
            int before = i;
            if (peek() == '[') {
                int headerLine = line;
                boolean arrayTable = i + 1 < text.length() && text.charAt(i + 1) == '[';
                i += arrayTable ? 2 : 1;
                List<String> keys = key();
                skipSpaces();
                i += arrayTable ? 2 : 1;
                table = header(keys, arrayTable, headerLine);
                skipSpaces();
                skipComment();
            } else {
                keyValue(table);
            }
            if (i == before) {
                throw new IllegalStateException("no progress at offset " + i);
            }
        }
    }

    /** The path a header opens; keys through an array of tables go to its latest element. */
    private KeyPath header(List<String> keys, boolean arrayTable, int headerLine) {
        KeyPath path = KeyPath.ROOT;
        for (int k = 0; k < keys.size(); k++) {
            path = path.key(keys.get(k));
            boolean last = k == keys.size() - 1;
            if (last && arrayTable) {
                record(path, headerLine);
                int index = arrayTables.merge(path.pointer(), 1, Integer::sum) - 1;
                path = path.index(index);
                lines.put(path.pointer(), headerLine);
            } else {
                record(path, headerLine);
                Integer count = arrayTables.get(path.pointer());
                if (count != null) {
                    path = path.index(count - 1);
                }
            }
        }
        return path;
    }

    /** A key/value line: the pair, then any trailing comment. */
    private void keyValue(KeyPath table) {
        keyValueInline(table);
        skipSpaces();
        skipComment();
    }

    private void value(KeyPath path) {
        if (eof()) {
            return;
        }
        char c = peek();
        if (c == '"' || c == '\'') {
            string();
        } else if (c == '[') {
            i++;
            int index = 0;
            while (true) {
                skipBlank();
                if (eof() || peek() == ']') {
                    i++;
                    return;
                }
                int before = i;
                KeyPath element = path.index(index++);
                record(element, line);
                value(element);
                skipBlank();
                if (!eof() && peek() == ',') {
                    i++;
                }
                if (i == before) {
                    throw new IllegalStateException("no progress in an array at offset " + i);
                }
            }
        } else if (c == '{') {
            i++;
            while (true) {
                skipSpaces();
                if (eof() || peek() == '}') {
                    i++;
                    return;
                }
                int before = i;
                keyValueInline(path);
                skipSpaces();
                if (!eof() && peek() == ',') {
                    i++;
                }
                if (i == before) {
                    throw new IllegalStateException("no progress in an inline table at offset " + i);
                }
            }
        } else {
            while (!eof() && ",]}#\r\n".indexOf(peek()) < 0) {
                i++;
            }
        }
    }

    private void keyValueInline(KeyPath table) {
        int keyLine = line;
        List<String> keys = key();
        KeyPath path = table;
        for (String k : keys) {
            path = path.key(k);
            record(path, keyLine);
        }
        skipSpaces();
        if (peek() == '=') {
            i++;
        }
        skipSpaces();
        value(path);
    }

    private List<String> key() {
        List<String> keys = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (eof()) {
                return keys;
            }
            char c = peek();
            if (c == '"' || c == '\'') {
                keys.add(quotedKey(c));
            } else {
                int start = i;
                while (!eof() && isBare(peek())) {
                    i++;
                }
                keys.add(text.substring(start, i));
            }
            skipSpaces();
            if (!eof() && peek() == '.') {
                i++;
                continue;
            }
            return keys;
        }
    }

    private String quotedKey(char quote) {
        i++;
        StringBuilder b = new StringBuilder();
        while (!eof() && peek() != quote) {
            char c = text.charAt(i++);
            if (c == '\\' && quote == '"' && !eof()) {
                char e = text.charAt(i++);
                switch (e) {
                    case 'b' -> b.append('\b');
                    case 't' -> b.append('\t');
                    case 'n' -> b.append('\n');
                    case 'f' -> b.append('\f');
                    case 'r' -> b.append('\r');
                    case 'u', 'U' -> {
                        int digits = e == 'u' ? 4 : 8;
                        b.appendCodePoint(Integer.parseInt(text.substring(i, i + digits), 16));
                        i += digits;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        i++;
        return b.toString();
    }

    private void string() {
        char quote = peek();
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), i);
        if (!triple) {
            i++;
            while (!eof() && peek() != quote && peek() != '\n') {
                if (peek() == '\\' && quote == '"') {
                    i++;
                }
                i++;
            }
            i++;
            return;
        }
        i += 3;
        String close = String.valueOf(quote).repeat(3);
        while (!eof()) {
            char c = peek();
            if (c == '\\' && quote == '"') {
                i++;
                if (!eof() && peek() == '\n') {
                    line++;
                }
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (text.startsWith(close, i)) {
                i += 3;
                for (int extra = 0; extra < 2 && !eof() && peek() == quote; extra++) {
                    i++; // up to two quotes may end the content right before the delimiter
                }
                return;
            }
            i++;
        }
    }

    private void record(KeyPath path, int at) {
        lines.putIfAbsent(path.pointer(), at);
    }

    private void skipBlank() {
        while (!eof()) {
            char c = peek();
            if (c == '\n') {
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipSpaces() {
        while (!eof() && (peek() == ' ' || peek() == '\t')) {
            i++;
        }
    }

    private void skipComment() {
        if (!eof() && peek() == '#') {
            while (!eof() && peek() != '\n') {
                i++;
            }
        }
    }

    private static boolean isBare(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private boolean eof() {
        return i >= text.length();
    }

    private char peek() {
        return text.charAt(i);
    }
}
