package dev.lockstep.analyzer.facts.values;

import dev.lockstep.analyzer.analysis.CallSite;

/**
 * A value an expression takes in one context: directly where it stands, or, in a notebook
 * function's body, for one module-level call of that function ({@code via}).
 */
public record Contextual(Value value, CallSite via) {
}
