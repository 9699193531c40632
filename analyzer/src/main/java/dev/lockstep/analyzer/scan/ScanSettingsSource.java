package dev.lockstep.analyzer.scan;

import java.nio.file.Path;
import dev.lockstep.analyzer.rules.RuleSet;

/** Where a batch scan gets each notebook's settings (one for all, or per folder from lockstep.toml). */
public interface ScanSettingsSource {

    /** The settings for one notebook file. Must be thread-safe and give the same answer every time. */
    ScanSettings settingsFor(Path notebook);

    /** Every rule that any notebook is scanned with, for reports that list the rules (SARIF). */
    RuleSet rules();
}
