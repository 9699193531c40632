package dev.lockstep.analyzer.scan;

import dev.lockstep.analyzer.rules.NotebookChecker;
import dev.lockstep.analyzer.rules.RuleSet;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to scan a notebook: the rules to run and the filter over their findings (suppressions).
 * A fixed settings value is also a {@link ScanSettingsSource} that gives itself for every file.
 */
public final class ScanSettings implements ScanSettingsSource {
    private final RuleSet rules;
    private final FindingFilter filter;
    private final NotebookScanner scanner;

    public ScanSettings(RuleSet rules, FindingFilter filter) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.scanner = new NotebookScanner(new NotebookChecker(rules), filter);
    }

    @Override
    public RuleSet rules() {
        return rules;
    }

    public FindingFilter filter() {
        return filter;
    }

    /** A scanner for these settings (thread-safe, shared). */
    public NotebookScanner scanner() {
        return scanner;
    }

    @Override
    public ScanSettings settingsFor(Path notebook) {
        return this;
    }
}
