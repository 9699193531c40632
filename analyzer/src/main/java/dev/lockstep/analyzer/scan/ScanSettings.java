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
    private final dev.lockstep.analyzer.facts.io.IoCatalogue catalogue;

    public ScanSettings(RuleSet rules, FindingFilter filter) {
        this(rules, filter, dev.lockstep.analyzer.facts.io.IoCatalogue.standard());
    }

    /** Settings whose analyses use {@code catalogue} for I/O (the built-in one plus a team's {@code [[io]]}). */
    public ScanSettings(RuleSet rules, FindingFilter filter, dev.lockstep.analyzer.facts.io.IoCatalogue catalogue) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.scanner = new NotebookScanner(new NotebookChecker(rules), filter, catalogue);
    }

    /** The I/O catalogue analyses under these settings use: the built-in one plus a team's {@code [[io]]}. */
    public dev.lockstep.analyzer.facts.io.IoCatalogue catalogue() {
        return catalogue;
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
