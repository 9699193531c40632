package dev.lockstep.analyzer.facts.environment;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.Objects;

/**
 * Code that reads an environment variable of the process: {@code os.environ["X"]},
 * {@code os.environ.get("X")}, {@code os.getenv("X")}, {@code "X" in os.environ}.
 *
 * @param variable the variable's name when it is a string literal, else null
 * @param code     the read in a few words, as written ({@code os.getenv('DATA_DIR')})
 * @param cell     the cell that holds it
 * @param node     the read: the call, the subscript or the comparison
 * @param setBefore whether the notebook itself sets the variable before every run of this read,
 *                  top to bottom ({@code os.environ["X"] = ...}, {@code os.environ.update(X=...)},
 *                  {@code %env X=...}): the value then comes from the notebook, not the machine
 */
public record EnvironmentRead(String variable, String code, AnalyzedCell cell, SyntaxNode node, boolean setBefore) {

    public EnvironmentRead {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(node, "node");
    }

    /** The 1-based line of the read in its cell. */
    public int line() {
        return cell.position(node).line();
    }
}
