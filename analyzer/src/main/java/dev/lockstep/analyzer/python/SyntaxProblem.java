package dev.lockstep.analyzer.python;

/**
 * A place where the code does not parse, in parsed-text coordinates (0-based).
 *
 * @param line    0-based line
 * @param column  0-based UTF-16 column
 * @param message what is wrong, e.g. {@code unexpected 'foo'} or {@code missing ')'}
 */
public record SyntaxProblem(int line, int column, String message) {
}
