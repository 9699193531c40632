package dev.lockstep.analyzer.notebook;

import java.util.List;
import java.util.Objects;

/**
 * A notebook as read from disk, upgraded to the nbformat 4 shape.
 *
 * @param path          the path as the user named it (used in every message)
 * @param nbformat      the major format version as stored (3 or 4)
 * @param nbformatMinor the minor version as stored
 * @param metadata      kernel and language metadata
 * @param cells         all cells in document order
 * @param sha256        hex SHA-256 of the file's bytes
 * @param file          the file it was read from, or null (rules that look beside it, like LS408)
 */
public record Notebook(
        String path, int nbformat, int nbformatMinor, NotebookMetadata metadata, List<Cell> cells, String sha256,
        java.nio.file.Path file) {

    public Notebook {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(metadata, "metadata");
        cells = List.copyOf(cells);
    }

    /** A notebook not read from a file (from a stream, or made by extract). */
    public Notebook(String path, int nbformat, int nbformatMinor, NotebookMetadata metadata, List<Cell> cells,
            String sha256) {
        this(path, nbformat, nbformatMinor, metadata, cells, sha256, null);
    }

    public List<Cell> codeCells() {
        return cells.stream().filter(Cell::isCode).toList();
    }
}
