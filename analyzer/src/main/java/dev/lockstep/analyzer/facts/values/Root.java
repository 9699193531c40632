package dev.lockstep.analyzer.facts.values;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.python.SyntaxNode;

/**
 * The string literal a value starts with, and what that literal contributes to the value's
 * text (its decoded, path-normalised text). Rewriting the literal moves every value built from it.
 */
public record Root(AnalyzedCell cell, SyntaxNode literal, String text) {
}
