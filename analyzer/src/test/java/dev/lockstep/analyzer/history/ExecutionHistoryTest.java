package dev.lockstep.analyzer.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.CellType;
import dev.lockstep.analyzer.notebook.Output;
import dev.lockstep.analyzer.notebook.OutputKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the saved counts say about sessions, re-runs, cleared counts and failed runs. */
class ExecutionHistoryTest {

    private static final Output ERROR = new Output(OutputKind.ERROR, null, List.of(), "", false, "KeyError", "'x'");
    private static final Output TEXT = new Output(OutputKind.STREAM, "stdout", List.of(), "3\n", false, null, null);

    private static ExecutionHistory history(Integer... counts) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            cells.add(new Cell(i, "c" + i, CellType.CODE, "x = " + i, counts[i], List.of(), List.of()));
        }
        return new ExecutionHistory(cells);
    }

    private static List<List<Integer>> sessionCounts(ExecutionHistory history) {
        return history.sessions().stream().map(s -> s.stream().map(Cell::executionCount).toList()).toList();
    }

    @Test
    void aCountOfOneBelowCellsThatRanStartsANewSession() {
        ExecutionHistory h = history(1, 2, 3, 1, 2);
        assertThat(sessionCounts(h)).containsExactly(List.of(1, 2, 3), List.of(1, 2));
        assertThat(h.duplicateCounts()).containsExactly(1, 2);
        assertThat(h.outOfOrder()).as("drops across sessions are not out-of-order runs").isEmpty();
    }

    @Test
    void aRepeatedCountStartsANewSessionEvenWithoutAOne() {
        assertThat(sessionCounts(history(4, 5, 6, 5, 7))).containsExactly(List.of(4, 5, 6), List.of(5, 7));
    }

    @Test
    void oneSessionWhenCountsOnlyGoUpOrSkip() {
        ExecutionHistory h = history(1, 2, 5, 9);
        assertThat(h.sessions()).hasSize(1);
        assertThat(h.gaps()).extracting(ExecutionHistory.Gap::missing).containsExactly(2, 3);
    }

    @Test
    void aReRunAboveIsOneCauseForEveryEarlierRunCellBelowIt() {
        ExecutionHistory h = history(1, 6, 3, 4, 5);
        assertThat(h.outOfOrder()).hasSize(3);
        assertThat(h.runLater()).hasSize(1);
        ExecutionHistory.RunLater cause = h.runLater().get(0);
        assertThat(cause.cell().executionCount()).isEqualTo(6);
        assertThat(cause.earlierBelow()).extracting(Cell::executionCount).containsExactly(3, 4, 5);
    }

    @Test
    void aCellWithOutputsButNoCountRanAndIsNotUnexecuted() {
        List<Cell> cells = List.of(
                new Cell(0, "a", CellType.CODE, "x = 1", 1, List.of(), List.of()),
                new Cell(1, "b", CellType.CODE, "print(3)", null, List.of(), List.of(TEXT)),
                new Cell(2, "c", CellType.CODE, "y = 2", null, List.of(), List.of()));
        ExecutionHistory h = new ExecutionHistory(cells);
        assertThat(ExecutionHistory.countCleared(cells.get(1))).isTrue();
        assertThat(h.unexecuted()).extracting(Cell::index).containsExactly(2);
    }

    @Test
    void aCellSavedWithAnErrorFailed() {
        Cell failed = new Cell(0, "a", CellType.CODE, "x = d['x']", 3, List.of(), List.of(ERROR));
        assertThat(ExecutionHistory.failed(failed)).isTrue();
        assertThat(ExecutionHistory.failed(new Cell(1, "b", CellType.CODE, "y", 4, List.of(), List.of(TEXT)))).isFalse();
    }
}
