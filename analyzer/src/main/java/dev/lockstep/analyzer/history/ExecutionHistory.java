package dev.lockstep.analyzer.history;

import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.Notebook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the saved execution counts say about how the notebook was really run.
 *
 * @param codeCells every code cell in document order
 */
public record ExecutionHistory(List<Cell> codeCells) {

    public ExecutionHistory {
        codeCells = List.copyOf(codeCells);
    }

    public static ExecutionHistory of(Notebook notebook) {
        return new ExecutionHistory(notebook.codeCells());
    }

    /** Whether any code cell was run in the saved session. */
    public boolean anyExecuted() {
        return codeCells.stream().anyMatch(c -> c.executionCount() != null);
    }

    /** Code cells that were run, in the order they were last run (by execution count). */
    public List<Cell> recordedOrder() {
        return codeCells.stream()
                .filter(c -> c.executionCount() != null)
                .sorted(Comparator.comparingInt(Cell::executionCount).thenComparingInt(Cell::index))
                .toList();
    }

    /** Code cells never run while others were (meaningless when nothing was run). */
    public List<Cell> unexecuted() {
        if (!anyExecuted()) {
            return List.of();
        }
        return codeCells.stream().filter(c -> c.executionCount() == null && !c.source().isBlank()).toList();
    }

    /**
     * Executed cells whose count is lower than that of an executed cell above them, each with
     * the cell above it that has the highest count.
     */
    public List<OutOfOrder> outOfOrder() {
        List<OutOfOrder> result = new ArrayList<>();
        Cell highest = null;
        for (Cell cell : codeCells) {
            Integer count = cell.executionCount();
            if (count == null) {
                continue;
            }
            if (highest != null && count < highest.executionCount()) {
                result.add(new OutOfOrder(cell, highest));
            }
            if (highest == null || count > highest.executionCount()) {
                highest = cell;
            }
        }
        return result;
    }

    /** Missing counts between consecutive executed cells of the recorded order. */
    public List<Gap> gaps() {
        List<Gap> result = new ArrayList<>();
        List<Cell> order = recordedOrder();
        for (int i = 1; i < order.size(); i++) {
            int previous = order.get(i - 1).executionCount();
            int current = order.get(i).executionCount();
            if (current > previous + 1) {
                result.add(new Gap(order.get(i - 1), order.get(i), current - previous - 1));
            }
        }
        return result;
    }

    /**
     * The position of a cell in the recorded order (its execution count), or -1 when the cell
     * was not run: only executed cells have a recorded place.
     */
    public int recordedRank(Cell cell) {
        return cell.executionCount() == null ? -1 : cell.executionCount();
    }

    /** A cell run before (by count) a cell above it. */
    public record OutOfOrder(Cell cell, Cell runLaterAbove) {
    }

    /** Counts missing between two consecutively run cells. */
    public record Gap(Cell before, Cell after, int missing) {
    }
}
