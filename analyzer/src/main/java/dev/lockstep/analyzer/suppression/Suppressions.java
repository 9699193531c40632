package dev.lockstep.analyzer.suppression;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.ipython.SourceMap;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every suppression written in a notebook, in document order.
 *
 * <p>Where they come from:
 * <ul>
 *   <li>Comments {@code # lockstep: ignore[ID, ...]} and {@code # lockstep: ignore}, covering
 *       their own line. In a cell that parses, comments are the parse tree's {@code comment}
 *       nodes, so a {@code #} inside a string never counts. On a line that held an IPython
 *       escape ({@code !cmd}, {@code %magic}, a cell magic and its non-Python body) the comment
 *       is read as a shell reads it: a {@code #} starting a word outside quotes. A cell that does
 *       not parse, or a notebook whose kernel is not Python, is read by a string-aware lexer.</li>
 *   <li>Cell tags {@code lockstep-ignore-ID} and {@code lockstep-ignore}, covering the cell.</li>
 * </ul>
 *
 * @param suppressions one per suppressed id (or blanket), in document order
 * @param malformed    directives that could not be read, in document order
 */
public record Suppressions(List<Suppression> suppressions, List<MalformedSuppression> malformed) {

    /** The cell tag that silences every rule in a cell; {@code lockstep-ignore-ID} silences one. */
    public static final String TAG = "lockstep-ignore";
    private static final Pattern ID_TOKEN = Pattern.compile("[A-Za-z0-9_.-]+");

    public Suppressions {
        suppressions = List.copyOf(suppressions);
        malformed = List.copyOf(malformed);
    }

    public static Suppressions find(AnalyzedNotebook notebook) {
        List<Suppression> found = new ArrayList<>();
        List<MalformedSuppression> malformed = new ArrayList<>();
        for (AnalyzedCell cell : notebook.cells()) {
            readTags(cell, found, malformed);
            if (cell.cell().isCode()) {
                for (CommentText comment : comments(cell)) {
                    readComment(cell, comment, found, malformed);
                }
            }
        }
        return new Suppressions(found, malformed);
    }

    private static void readTags(AnalyzedCell cell, List<Suppression> found, List<MalformedSuppression> malformed) {
        for (String tag : cell.cell().tags()) {
            if (tag.equals(TAG)) {
                found.add(new Suppression(cell, true, 0, null, firstLine(cell), "cell tag " + tag));
            } else if (tag.startsWith(TAG + "-")) {
                String id = tag.substring(TAG.length() + 1);
                if (ID_TOKEN.matcher(id).matches()) {
                    found.add(new Suppression(cell, true, 0, id, firstLine(cell), "cell tag " + tag));
                } else {
                    malformed.add(new MalformedSuppression(cell, firstLine(cell), "malformed suppression: cell tag '"
                            + tag + "' does not name one rule id; tag the cell " + TAG + "-ID once per rule"));
                }
            }
        }
    }

    private static void readComment(AnalyzedCell cell, CommentText comment, List<Suppression> found,
            List<MalformedSuppression> malformed) {
        for (DirectiveParser.Piece piece : DirectiveParser.parse(comment.text())) {
            Position at = position(cell, comment.line(), comment.column() + piece.start(), comment.column() + piece.end());
            if (piece.isMalformed()) {
                malformed.add(new MalformedSuppression(cell, at, piece.problem()));
            } else {
                String written = piece.ruleId() != null ? piece.ruleId()
                        : comment.text().substring(piece.start(), piece.end());
                found.add(new Suppression(cell, false, comment.line() + 1, piece.ruleId(), at, written));
            }
        }
    }

    /** The comments of a code cell, in source order. */
    static List<CommentText> comments(AnalyzedCell cell) {
        if (cell.translated() == null) {
            return CommentLexer.python(cell.cell().source()); // a kernel that is not Python: no parse
        }
        SourceMap map = cell.translated().sourceMap();
        List<CommentText> comments = new ArrayList<>();
        if (cell.isPython() && !cell.hasSyntaxErrors()) {
            cell.root().walk(node -> {
                if (node.is("comment") && !map.isRewritten(node.startLine())) {
                    comments.add(fromNode(node));
                }
            });
        } else {
            for (CommentText comment : CommentLexer.python(cell.translated().python())) {
                if (!map.isRewritten(comment.line())) {
                    comments.add(comment);
                }
            }
        }
        for (int line = 0; line < map.lines().size(); line++) {
            if (map.isRewritten(line)) {
                CommentText comment = CommentLexer.shell(line, cell.sourceLine(line));
                if (comment != null) {
                    comments.add(comment);
                }
            }
        }
        comments.sort(Comparator.comparingInt(CommentText::line).thenComparingInt(CommentText::column));
        return comments;
    }

    private static CommentText fromNode(SyntaxNode node) {
        String text = node.text();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return new CommentText(node.startLine(), node.startColumn(), text);
    }

    /** The cell-source position (1-based, code points) of UTF-16 columns [start, end) of a 0-based line. */
    private static Position position(AnalyzedCell cell, int line, int start, int end) {
        String text = cell.sourceLine(line);
        return new Position(line + 1, codePoints(text, start) + 1, line + 1, codePoints(text, end) + 1);
    }

    private static int codePoints(String text, int utf16) {
        int limit = Math.min(Math.max(utf16, 0), text.length());
        return text.codePointCount(0, limit) + Math.max(0, utf16 - text.length());
    }

    /** A cell's first non-blank line, where findings about a whole cell point (as RuleContext.reportCell). */
    private static Position firstLine(AnalyzedCell cell) {
        String[] lines = cell.cell().source().split("\n", -1);
        int line = 0;
        while (line < lines.length - 1 && lines[line].isBlank()) {
            line++;
        }
        String text = lines[line].stripTrailing();
        int indent = text.length() - text.stripLeading().length();
        int end = text.codePointCount(0, text.length()) + 1;
        return new Position(line + 1, indent + 1, line + 1, Math.max(end, indent + 1));
    }
}
