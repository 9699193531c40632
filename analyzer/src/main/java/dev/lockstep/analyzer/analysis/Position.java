package dev.lockstep.analyzer.analysis;

/**
 * A place in a cell's own source: 1-based line, 1-based column counted in Unicode code points
 * (what editors show), with the end of the range (column just past its last character).
 */
public record Position(int line, int column, int endLine, int endColumn) {
}
