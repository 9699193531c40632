package dev.lockstep.analyzer.analysis;

/**
 * A point in the notebook's code: a cell (0-based index among all cells) and an offset in its
 * translated source. Used to ask "does this run before that".
 */
public record ProgramPoint(int cellIndex, int offset) implements Comparable<ProgramPoint> {

    @Override
    public int compareTo(ProgramPoint other) {
        int byCell = Integer.compare(cellIndex, other.cellIndex);
        return byCell != 0 ? byCell : Integer.compare(offset, other.offset);
    }
}
