package dev.lockstep.analyzer.scan;

import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.rules.Severity;
import java.util.List;

/**
 * A whole scan: one report per file, in the order files were named and found.
 *
 * @param files the per-file reports
 * @param rules the rules that ran
 */
public record ScanResult(List<FileReport> files, RuleSet rules) {

    public ScanResult {
        files = List.copyOf(files);
    }

    public long count(Severity severity) {
        return files.stream().mapToLong(f -> f.count(severity)).sum();
    }

    public long findingCount() {
        return files.stream().mapToLong(f -> f.findings().size()).sum();
    }

    public long failedCount() {
        return files.stream().filter(FileReport::failed).count();
    }

    /** Whether any finding is at or above the threshold. */
    public boolean hasFindingsAtOrAbove(Severity threshold) {
        return files.stream().flatMap(f -> f.findings().stream()).anyMatch(f -> f.severity().compareTo(threshold) >= 0);
    }
}
