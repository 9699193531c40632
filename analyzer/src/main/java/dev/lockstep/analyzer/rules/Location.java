package dev.lockstep.analyzer.rules;

/**
 * Where a finding points: a cell (1-based position among all cells, as Jupyter front ends
 * number them) and a range inside its source (1-based lines; 1-based columns in code points;
 * the end column is just past the range).
 *
 * @param cell      1-based cell position, or 0 for findings about the whole notebook
 * @param cellId    the nbformat cell id, or null
 * @param line      1-based start line (1 for whole-cell findings)
 * @param column    1-based start column
 * @param endLine   1-based end line
 * @param endColumn 1-based end column (exclusive)
 */
public record Location(int cell, String cellId, int line, int column, int endLine, int endColumn)
        implements Comparable<Location> {

    @Override
    public int compareTo(Location o) {
        int c = Integer.compare(cell, o.cell);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        if (c == 0) {
            c = Integer.compare(column, o.column);
        }
        if (c == 0) {
            c = Integer.compare(endLine, o.endLine);
        }
        if (c == 0) {
            c = Integer.compare(endColumn, o.endColumn);
        }
        return c;
    }
}
