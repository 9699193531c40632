package dev.lockstep.analyzer.suppression;

/**
 * A comment found in a cell: where it starts and its text, from {@code #} to the end of the line.
 *
 * @param line   0-based line in the cell's own source
 * @param column 0-based UTF-16 column of the {@code #} in that line
 * @param text   the comment, starting with {@code #}, without the line break
 */
record CommentText(int line, int column, String text) {
}
