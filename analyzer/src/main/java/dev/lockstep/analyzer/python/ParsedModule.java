package dev.lockstep.analyzer.python;

import java.util.List;

/**
 * The result of parsing one piece of Python.
 *
 * @param root     the {@code module} node
 * @param problems syntax errors, in source order (empty when the code parses)
 */
public record ParsedModule(SyntaxNode root, List<SyntaxProblem> problems) {

    public ParsedModule {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return !problems.isEmpty();
    }
}
