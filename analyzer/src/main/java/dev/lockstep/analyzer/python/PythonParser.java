package dev.lockstep.analyzer.python;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.treesitter.NodeAccess;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterPython;

/**
 * Parses Python with tree-sitter and copies the tree into {@link SyntaxNode}s.
 *
 * <p>Thread-safe: tree-sitter parsers are not, so each thread gets its own. The native tree is
 * dropped as soon as it is copied, so its memory is released at the next collection.
 */
public final class PythonParser {

    /**
     * Deeper trees are reported as a syntax problem instead of analysed. CPython itself refuses
     * more than 200 nested parentheses, so real code never comes near this.
     */
    public static final int MAX_DEPTH = 1000;

    private static final TSLanguage LANGUAGE = new TreeSitterPython();
    private static final ThreadLocal<TSParser> PARSERS = ThreadLocal.withInitial(() -> {
        TSParser parser = new TSParser();
        parser.setLanguage(LANGUAGE);
        return parser;
    });
    private static final String[] SYMBOL_NAMES = symbolNames();
    private static final boolean[] SYMBOL_NAMED = symbolNamedFlags();
    private static final String[] FIELD_NAMES = fieldNames();
    private static final Map<Integer, String> OTHER_SYMBOLS = new ConcurrentHashMap<>();

    public ParsedModule parse(String source) {
        TSParser parser = PARSERS.get();
        // The binding refuses text that is not valid UTF-8 (it throws): a lone surrogate, which
        // a notebook's JSON can hold as "\ud800", is parsed as '?' (one byte, as PositionIndex
        // counts it) and reported, as CPython refuses such source too.
        int loneSurrogate = firstLoneSurrogate(source);
        String parsed = loneSurrogate < 0 ? source : withoutLoneSurrogates(source);
        if (parsed.indexOf('\f') >= 0) {
            // CPython takes a form feed as white space (the stdlib has ^L lines between sections);
            // tree-sitter-python makes an ERROR of it. A space has the same width in bytes and chars.
            parsed = parsed.replace('\f', ' ');
        }
        TSTree tree = parser.parseString(null, parsed);
        PositionIndex positions = new PositionIndex(source);
        TSNode root = tree.getRootNode();
        SyntaxNode copy;
        try {
            copy = copy(root, positions, source);
        } catch (TooDeep e) {
            SyntaxNode empty = new SyntaxNode("module", null, true, false, 0, 0, 0, 0, 0, 0, List.of(), source);
            int line = positions.line(e.offset);
            return new ParsedModule(empty, List.of(new SyntaxProblem(line, positions.column(e.offset, line),
                    "nesting deeper than " + MAX_DEPTH + " levels (CPython's parser refuses such code)")));
        }
        copy.indexPreorder();
        // Not only ERROR nodes: tree-sitter accepts Python 2 print/exec statements, keywords read
        // as names ('async', 'else:' as an annotation) and more that CPython refuses.
        List<SyntaxProblem> problems = collectProblems(copy);
        problems.addAll(CPythonSyntax.problems(copy, source));
        if (loneSurrogate >= 0) {
            int line = positions.line(loneSurrogate);
            problems.add(new SyntaxProblem(line, positions.column(loneSurrogate, line), String.format(
                    "invalid character U+%04X (a lone surrogate, not encodable as UTF-8)", (int) source.charAt(loneSurrogate))));
        }
        if (problems.size() > 1) {
            problems.sort(java.util.Comparator.comparingInt(SyntaxProblem::line).thenComparingInt(SyntaxProblem::column));
        }
        return new ParsedModule(copy, problems);
    }

    /** The index of the first surrogate char that is not half of a pair, or -1. */
    static int firstLoneSurrogate(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < source.length() && Character.isLowSurrogate(source.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String withoutLoneSurrogates(String source) {
        StringBuilder out = new StringBuilder(source);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                out.setCharAt(i, '?');
            }
        }
        return out.toString();
    }

    private static SyntaxNode copy(TSNode root, PositionIndex positions, String source) {
        TSTreeCursor cursor = new TSTreeCursor(root);
        List<Pending> stack = new ArrayList<>();
        stack.add(pending(cursor, positions));
        while (true) {
            if (cursor.gotoFirstChild()) {
                if (stack.size() >= MAX_DEPTH) {
                    throw new TooDeep(positions.charOffset(cursor.currentNode().getStartByte()));
                }
                stack.add(pending(cursor, positions));
                continue;
            }
            while (true) {
                Pending done = stack.remove(stack.size() - 1);
                SyntaxNode node = done.build(positions, source);
                if (stack.isEmpty()) {
                    return node;
                }
                stack.get(stack.size() - 1).children.add(node);
                if (cursor.gotoNextSibling()) {
                    stack.add(pending(cursor, positions));
                    break;
                }
                cursor.gotoParent();
            }
        }
    }

    private static Pending pending(TSTreeCursor cursor, PositionIndex positions) {
        TSNode node = cursor.currentNode(); // a cursor's node is never null: skip the binding's checks
        int symbol = NodeAccess.symbol(node);
        int fieldId = cursor.currentFieldId();
        int start = positions.charOffset(NodeAccess.startByte(node));
        int end = positions.charOffset(NodeAccess.endByte(node));
        boolean missing = start == end && node.isMissing();
        return new Pending(symbolName(symbol, node), fieldId > 0 && fieldId < FIELD_NAMES.length ? FIELD_NAMES[fieldId] : null,
                symbol < SYMBOL_NAMED.length ? SYMBOL_NAMED[symbol] : node.isNamed(), missing, start, end);
    }

    private static String symbolName(int symbol, TSNode node) {
        if (symbol >= 0 && symbol < SYMBOL_NAMES.length) {
            return SYMBOL_NAMES[symbol];
        }
        return OTHER_SYMBOLS.computeIfAbsent(symbol, s -> node.getType());
    }

    /** Python 3's hard keywords, which tree-sitter-python sometimes takes as names while recovering. */
    private static final java.util.Set<String> PYTHON_KEYWORDS = java.util.Set.of("False", "None", "True", "and", "as",
            "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally",
            "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");

    private static List<SyntaxProblem> collectProblems(SyntaxNode root) {
        List<SyntaxProblem> problems = new ArrayList<>();
        root.walk(node -> {
            if (node.isError()) {
                String text = node.text().strip();
                int newline = text.indexOf('\n');
                String shown = newline >= 0 ? text.substring(0, newline) : text;
                if (shown.length() > 40) {
                    shown = shown.substring(0, 40) + "...";
                }
                problems.add(new SyntaxProblem(node.startLine(), node.startColumn(),
                        shown.isEmpty() ? "invalid syntax" : "invalid syntax near '" + shown + "'"));
            } else if (node.is("print_statement") || node.is("exec_statement")) {
                // tree-sitter-python still accepts Python 2 statements; CPython 3 does not.
                problems.add(new SyntaxProblem(node.startLine(), node.startColumn(),
                        "Python 2 '" + (node.is("print_statement") ? "print" : "exec") + "' statement"));
            } else if (node.is("identifier") && node.endOffset() - node.startOffset() <= 8
                    && PYTHON_KEYWORDS.contains(node.text())) {
                problems.add(new SyntaxProblem(node.startLine(), node.startColumn(),
                        "'" + node.text() + "' is a keyword, not a name"));
            } else if (node.isMissing()) {
                problems.add(new SyntaxProblem(node.startLine(), node.startColumn(),
                        "missing " + (node.isNamed() ? node.type() : "'" + node.type() + "'")));
            }
        });
        // An ERROR node may contain others: keep the outermost report per position.
        List<SyntaxProblem> distinct = new ArrayList<>();
        for (SyntaxProblem p : problems) {
            if (distinct.isEmpty() || !(distinct.get(distinct.size() - 1).line() == p.line()
                    && distinct.get(distinct.size() - 1).column() == p.column())) {
                distinct.add(p);
            }
        }
        return distinct;
    }

    private static String[] symbolNames() {
        int count = LANGUAGE.symbolCount();
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = LANGUAGE.symbolName(i).intern();
        }
        return names;
    }

    private static boolean[] symbolNamedFlags() {
        int count = LANGUAGE.symbolCount();
        boolean[] named = new boolean[count];
        for (int i = 0; i < count; i++) {
            named[i] = LANGUAGE.symbolType(i) == org.treesitter.TSSymbolType.TSSymbolTypeRegular;
        }
        return named;
    }

    private static String[] fieldNames() {
        int count = LANGUAGE.fieldCount();
        String[] names = new String[count + 1];
        for (int i = 1; i <= count; i++) {
            String name = LANGUAGE.fieldNameForId(i);
            names[i] = name == null ? null : name.intern();
        }
        return names;
    }

    /** A node whose children are still being copied. */
    private static final class Pending {
        final String type;
        final String field;
        final boolean named;
        final boolean missing;
        final int start;
        final int end;
        final List<SyntaxNode> children = new ArrayList<>(4);

        Pending(String type, String field, boolean named, boolean missing, int start, int end) {
            this.type = type;
            this.field = field;
            this.named = named;
            this.missing = missing;
            this.start = start;
            this.end = end;
        }

        SyntaxNode build(PositionIndex positions, String source) {
            int startLine = positions.line(start);
            int endLine = positions.line(end);
            return new SyntaxNode(type, field, named, missing, start, end, startLine, positions.column(start, startLine),
                    endLine, positions.column(end, endLine), children, source);
        }
    }

    /** Thrown out of the copy when the tree is deeper than {@link #MAX_DEPTH}. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        TooDeep(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    /**
     * Converts tree-sitter's UTF-8 byte offsets to UTF-16 offsets of the Java string, and
     * offsets to lines and columns.
     */
    static final class PositionIndex {
        private final int[] charAtByte; // null when the text is ASCII: bytes and chars coincide
        private final int[] lineStarts;

        PositionIndex(String source) {
            boolean ascii = true;
            for (int i = 0; i < source.length(); i++) {
                if (source.charAt(i) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
            charAtByte = ascii ? null : byteToCharTable(source);
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < source.length(); i++) {
                if (source.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int charOffset(int byteOffset) {
            if (charAtByte == null) {
                return byteOffset;
            }
            if (byteOffset < 0) {
                return 0;
            }
            return charAtByte[Math.min(byteOffset, charAtByte.length - 1)];
        }

        int line(int charOffset) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= charOffset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        int column(int charOffset, int line) {
            return charOffset - lineStarts[line];
        }

        /** Maps every UTF-8 byte offset of {@code source} (as String.getBytes encodes it) to a char offset. */
        private static int[] byteToCharTable(String source) {
            int byteLength = source.getBytes(StandardCharsets.UTF_8).length;
            int[] table = new int[byteLength + 1];
            int b = 0;
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                int bytes;
                int chars = 1;
                if (c < 0x80) {
                    bytes = 1;
                } else if (c < 0x800) {
                    bytes = 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < source.length()
                        && Character.isLowSurrogate(source.charAt(i + 1))) {
                    bytes = 4;
                    chars = 2;
                } else if (Character.isSurrogate(c)) {
                    bytes = 1; // a lone surrogate is encoded as '?'
                } else {
                    bytes = 3;
                }
                for (int k = 0; k < bytes && b + k < table.length; k++) {
                    table[b + k] = i;
                }
                b += bytes;
                i += chars;
            }
            for (int k = b; k < table.length; k++) {
                table[k] = source.length();
            }
            return table;
        }
    }
}
