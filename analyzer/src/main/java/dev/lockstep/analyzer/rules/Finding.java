package dev.lockstep.analyzer.rules;

import java.util.Comparator;
import java.util.Objects;

/**
 * One reported gap.
 *
 * @param ruleId     the rule's id
 * @param ruleName   the rule's name
 * @param severity   the effective severity (after configuration)
 * @param location   where
 * @param message    one line saying what is wrong here and what to do
 * @param sourceLine the cell's source line at {@code location.line()}, for code frames ("" when none)
 * @param fix        edits that remove the finding, or null when the rule offers none
 */
public record Finding(String ruleId, String ruleName, Severity severity, Location location, String message,
        String sourceLine, Fix fix) {

    /** Findings sort by cell, line, column, rule, then message: reports are deterministic. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        sourceLine = sourceLine == null ? "" : sourceLine;
    }

    /** A finding without a fix. */
    public Finding(String ruleId, String ruleName, Severity severity, Location location, String message,
            String sourceLine) {
        this(ruleId, ruleName, severity, location, message, sourceLine, null);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, ruleName, newSeverity, location, message, sourceLine, fix);
    }
}
