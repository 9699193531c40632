package dev.lockstep.analyzer.scan;

import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.InventoryItem;
import dev.lockstep.analyzer.rules.Severity;
import java.util.List;

/**
 * The outcome of scanning one file: findings, or one error line saying why it could not be read.
 *
 * @param path     the path as shown to the user
 * @param sha256   the file's hash, or null when it could not be read
 * @param findings findings in report order (empty on error)
 * @param error    the problem, one line without the path, or null
 * @param inventory sites rules listed rather than reported (hyperparameters, precision, devices), in order
 */
public record FileReport(String path, String sha256, List<Finding> findings, String error,
        List<InventoryItem> inventory) {

    public FileReport {
        findings = List.copyOf(findings);
        inventory = List.copyOf(inventory);
    }

    /** A report without inventory. */
    public FileReport(String path, String sha256, List<Finding> findings, String error) {
        this(path, sha256, findings, error, List.of());
    }

    public static FileReport failed(String path, String error) {
        return new FileReport(path, null, List.of(), error);
    }

    public boolean failed() {
        return error != null;
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
