package dev.lockstep.analyzer.scan;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.rules.Finding;
import java.util.List;

/** A last step over a notebook's findings (suppressions, for example). */
@FunctionalInterface
public interface FindingFilter {
    FindingFilter NONE = (notebook, findings) -> findings;

    List<Finding> apply(AnalyzedNotebook notebook, List<Finding> findings);
}
