package dev.lockstep.analyzer.ipython;

/**
 * How columns of one translated line map back to the cell's own line.
 *
 * <p>Translation keeps line structure (one translated line per original line), so only columns
 * move. A translated line keeps its first {@code preservedPrefix} characters unchanged (the
 * indentation and any {@code x = } target). Optionally a stretch of original code is moved
 * into the translation unchanged (the statement of {@code %time stmt}): translated columns
 * {@code [movedStart, movedStart + movedLength)} map to original columns starting at
 * {@code movedOriginalStart}. Every other column maps to {@code escapeColumn}, the column of
 * the escape character in the original line.
 */
public record LineMapping(
        int preservedPrefix, int escapeColumn, int movedStart, int movedLength, int movedOriginalStart) {

    public static final LineMapping IDENTITY = new LineMapping(Integer.MAX_VALUE, 0, 0, 0, 0);

    /** A rewritten line whose rest maps to the escape character. */
    public static LineMapping rewritten(int preservedPrefix, int escapeColumn) {
        return new LineMapping(preservedPrefix, escapeColumn, 0, 0, 0);
    }

    /** The 0-based original column for a 0-based translated column. */
    public int originalColumn(int translatedColumn) {
        if (translatedColumn < preservedPrefix) {
            return translatedColumn;
        }
        if (movedLength > 0 && translatedColumn >= movedStart && translatedColumn <= movedStart + movedLength) {
            return movedOriginalStart + (translatedColumn - movedStart);
        }
        return escapeColumn;
    }
}
