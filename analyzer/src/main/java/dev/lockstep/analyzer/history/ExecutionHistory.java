package dev.lockstep.analyzer.history;

import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.notebook.OutputKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the saved execution counts and outputs say about how the notebook was really run,
 * session by session.
 *
 * <p>A kernel restart starts counting at [1] again, so the saved counts can come from several
 * sessions. In document order, a count that repeats one already seen, or a [1] below cells that
 * ran, starts a new session ({@link #sessions}). Within a session, counts that go down in
 * document order are out-of-order runs ({@link #outOfOrder}); across sessions they are not: the
 * cells simply ran in different kernels. A cell with outputs but no count had its count cleared
 * by hand (it ran); a cell whose saved output is an error failed, so the run that gave it its
 * count may have bound nothing.
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

    /**
     * Code cells with no execution count while others were run, except those whose count was
     * cleared by hand (they kept outputs) and blank ones. Meaningless when nothing was run.
     */
    public List<Cell> unexecuted() {
        if (!anyExecuted()) {
            return List.of();
        }
        return codeCells.stream()
                .filter(c -> c.executionCount() == null && !c.source().isBlank() && !countCleared(c))
                .toList();
    }

    /** A cell that kept its outputs but lost its count: it ran, and the count was cleared by hand. */
    public static boolean countCleared(Cell cell) {
        return cell.executionCount() == null && !cell.outputs().isEmpty();
    }

    /** A cell whose saved output is an error: its last run stopped there, perhaps before binding anything. */
    public static boolean failed(Cell cell) {
        return cell.outputs().stream().anyMatch(o -> o.kind() == OutputKind.ERROR);
    }

    /**
     * The kernel sessions the saved counts come from, in document order of their first cell,
     * each the executed cells it holds in document order. One session when the counts never
     * restart.
     */
    public List<List<Cell>> sessions() {
        List<List<Cell>> sessions = new ArrayList<>();
        List<Cell> current = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Cell cell : codeCells) {
            Integer count = cell.executionCount();
            if (count == null) {
                continue;
            }
            if (!current.isEmpty() && (seen.contains(count) || count == 1)) {
                sessions.add(current);
                current = new ArrayList<>();
                seen = new HashSet<>();
            }
            current.add(cell);
            seen.add(count);
        }
        if (!current.isEmpty()) {
            sessions.add(current);
        }
        return sessions.stream().map(List::copyOf).toList();
    }

    /** Execution counts that more than one cell holds: proof of a kernel restart. */
    public Set<Integer> duplicateCounts() {
        Set<Integer> seen = new HashSet<>();
        Set<Integer> duplicates = new TreeSet<>();
        for (Cell cell : codeCells) {
            if (cell.executionCount() != null && !seen.add(cell.executionCount())) {
                duplicates.add(cell.executionCount());
            }
        }
        return duplicates;
    }

    /** The session (0-based, see {@link #sessions}) of every executed cell, by cell index. */
    public Map<Integer, Integer> sessionOf() {
        Map<Integer, Integer> result = new HashMap<>();
        List<List<Cell>> sessions = sessions();
        for (int s = 0; s < sessions.size(); s++) {
            for (Cell cell : sessions.get(s)) {
                result.put(cell.index(), s);
            }
        }
        return result;
    }

    /**
     * Executed cells whose count is lower than that of an executed cell above them in the same
     * session, each with the cell above it that has the highest count.
     */
    public List<OutOfOrder> outOfOrder() {
        List<OutOfOrder> result = new ArrayList<>();
        for (List<Cell> session : sessions()) {
            Cell highest = null;
            for (Cell cell : session) {
                int count = cell.executionCount();
                if (highest != null && count < highest.executionCount()) {
                    result.add(new OutOfOrder(cell, highest));
                }
                if (highest == null || count > highest.executionCount()) {
                    highest = cell;
                }
            }
        }
        result.sort(Comparator.comparingInt(o -> o.cell().index()));
        return result;
    }

    /**
     * Executed cells that ran after cells below them in the same session did: each with the
     * cells below it that ran earlier, in document order. These are the causes behind
     * {@link #outOfOrder}: one re-run above makes every earlier-run cell below it look out of order.
     */
    public List<RunLater> runLater() {
        List<RunLater> result = new ArrayList<>();
        for (List<Cell> session : sessions()) {
            for (int i = 0; i < session.size(); i++) {
                Cell cell = session.get(i);
                List<Cell> earlierBelow = new ArrayList<>();
                for (int j = i + 1; j < session.size(); j++) {
                    if (session.get(j).executionCount() < cell.executionCount()) {
                        earlierBelow.add(session.get(j));
                    }
                }
                if (!earlierBelow.isEmpty()) {
                    result.add(new RunLater(cell, earlierBelow));
                }
            }
        }
        return result;
    }

    /** Missing counts between consecutive executed cells of the recorded order, within a session. */
    public List<Gap> gaps() {
        List<Gap> result = new ArrayList<>();
        for (List<Cell> session : sessions()) {
            List<Cell> order = session.stream()
                    .sorted(Comparator.comparingInt(Cell::executionCount).thenComparingInt(Cell::index)).toList();
            for (int i = 1; i < order.size(); i++) {
                int previous = order.get(i - 1).executionCount();
                int current = order.get(i).executionCount();
                if (current > previous + 1) {
                    result.add(new Gap(order.get(i - 1), order.get(i), current - previous - 1));
                }
            }
        }
        result.sort(Comparator.comparingInt(g -> g.after().index()));
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

    /** A cell run after the cells below it listed in {@code earlierBelow}. */
    public record RunLater(Cell cell, List<Cell> earlierBelow) {
        public RunLater {
            earlierBelow = List.copyOf(earlierBelow);
        }
    }

    /** Counts missing between two consecutively run cells. */
    public record Gap(Cell before, Cell after, int missing) {
    }
}
