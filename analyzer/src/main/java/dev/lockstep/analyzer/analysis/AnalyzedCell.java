package dev.lockstep.analyzer.analysis;

import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.TranslatedSource;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.python.ParsedModule;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.CellSemantics;
import java.util.List;

/**
 * One cell with everything analysis knows about it. Non-code cells, and code cells of a
 * notebook whose kernel is not Python, have no translation, tree or semantics.
 *
 * @param cell        the cell as read
 * @param translated  its IPython-free Python, or null
 * @param parsed      the parsed translation, or null
 * @param semantics   its bindings and reads ({@link CellSemantics#EMPTY} when not Python)
 */
public record AnalyzedCell(Cell cell, TranslatedSource translated, ParsedModule parsed, CellSemantics semantics) {

    /** Whether this cell holds Python that was parsed. */
    public boolean isPython() {
        return parsed != null;
    }

    /** Whether the parsed code has syntax errors. */
    public boolean hasSyntaxErrors() {
        return parsed != null && parsed.hasErrors();
    }

    public int index() {
        return cell.index();
    }

    /** 1-based position among all cells. */
    public int number() {
        return cell.number();
    }

    public List<Magic> magics() {
        return translated == null ? List.of() : translated.magics();
    }

    public SyntaxNode root() {
        return parsed == null ? null : parsed.root();
    }

    /** The cell-source position of a node of the parsed translation. */
    public Position position(SyntaxNode node) {
        int startLine = node.startLine();
        int endLine = node.endLine();
        int startColumn = originalCodePointColumn(startLine, node.startColumn());
        int endColumn = originalCodePointColumn(endLine, node.endColumn());
        if (endLine == startLine && endColumn < startColumn) {
            endColumn = startColumn; // the rewritten rest of an escape line maps to one column
        }
        return new Position(startLine + 1, startColumn + 1, endLine + 1, endColumn + 1);
    }

    /** The cell-source position of a 0-based (line, UTF-16 column) of the translation. */
    public Position position(int line, int column) {
        int c = originalCodePointColumn(line, column) + 1;
        return new Position(line + 1, c, line + 1, c);
    }

    /** The cell-source position of a magic (already in cell coordinates, UTF-16 columns). */
    public Position position(Magic magic) {
        return new Position(magic.line(), codePoints(magic.line() - 1, magic.column() - 1) + 1,
                magic.endLine(), codePoints(magic.endLine() - 1, magic.endColumn() - 1) + 1);
    }

    /** The 0-based line's text in the cell's own source. */
    public String sourceLine(int line) {
        String source = cell.source();
        int start = 0;
        for (int i = 0; i < line; i++) {
            int newline = source.indexOf('\n', start);
            if (newline < 0) {
                return "";
            }
            start = newline + 1;
        }
        int end = source.indexOf('\n', start);
        String text = end < 0 ? source.substring(start) : source.substring(start, end);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private int originalCodePointColumn(int line, int translatedColumn) {
        int utf16 = translated == null ? translatedColumn : translated.sourceMap().originalColumn(line, translatedColumn);
        return codePoints(line, utf16);
    }

    private int codePoints(int line, int utf16Column) {
        String text = sourceLine(line);
        int limit = Math.min(Math.max(utf16Column, 0), text.length());
        return text.codePointCount(0, limit) + Math.max(0, utf16Column - text.length());
    }
}
