package dev.lockstep.analyzer.notebook;

import java.util.List;
import java.util.Objects;

/**
 * One notebook cell.
 *
 * @param index          0-based position among all cells (findings print {@code index + 1})
 * @param id             the nbformat 4.5 cell id, or null for older notebooks
 * @param type           code, markdown or raw
 * @param source         the cell's text, lines joined exactly as stored
 * @param executionCount the saved execution count of a code cell, or null when never run
 * @param tags           metadata tags, in stored order
 * @param outputs        saved outputs of a code cell
 */
public record Cell(
        int index,
        String id,
        CellType type,
        String source,
        Integer executionCount,
        List<String> tags,
        List<Output> outputs) {

    public Cell {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        tags = List.copyOf(tags);
        outputs = List.copyOf(outputs);
    }

    /** The 1-based position Jupyter front ends show and findings use. */
    public int number() {
        return index + 1;
    }

    public boolean isCode() {
        return type == CellType.CODE;
    }
}
