package dev.lockstep.analyzer.ipython;

import java.util.List;

/**
 * Maps positions in a cell's translated Python back to the cell's own source.
 * Lines correspond one to one; columns move only on lines that held an IPython escape.
 */
public record SourceMap(List<LineMapping> lines) {

    public SourceMap {
        lines = List.copyOf(lines);
    }

    /** The 0-based original column of a 0-based translated (line, column). */
    public int originalColumn(int line, int column) {
        if (line < 0 || line >= lines.size()) {
            return column;
        }
        return lines.get(line).originalColumn(column);
    }

    /** Whether the 0-based line was rewritten from an IPython escape. */
    public boolean isRewritten(int line) {
        return line >= 0 && line < lines.size() && lines.get(line) != LineMapping.IDENTITY;
    }
}
