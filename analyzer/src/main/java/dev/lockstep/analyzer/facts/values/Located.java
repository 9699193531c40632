package dev.lockstep.analyzer.facts.values;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.python.SyntaxNode;

/** An expression together with the cell whose source holds it. */
public record Located(AnalyzedCell cell, SyntaxNode node) {
}
