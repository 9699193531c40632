package dev.lockstep.analyzer.notebook;

/**
 * A file that cannot be read as a notebook. The message is one line that names the problem
 * (and the cell, where one is involved) but not the file: callers prefix the path.
 */
public final class NotebookFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotebookFormatException(String message) {
        super(message);
    }

    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
