package dev.lockstep.analyzer.testing;

import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Location;
import dev.lockstep.analyzer.rules.NotebookChecker;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.rules.suppression.SuppressionRules;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.scan.NotebookScanner;
import dev.lockstep.analyzer.suppression.SuppressionFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Scans notebooks in tests and renders findings the way goldens store them. */
public final class Scans {
    private Scans() {
    }

    /** Scans with all built-in rules. */
    public static FileReport scan(Path notebook) {
        return scan(notebook, RuleSet.defaults());
    }

    /**
     * Scans with only the given rule ids. The suppression rules (LS0) judge the other rules'
     * findings, so for them every rule runs and only the given ids' findings are kept.
     */
    public static FileReport scan(Path notebook, String... ruleIds) {
        List<String> ids = List.of(ruleIds);
        if (ids.stream().noneMatch(SuppressionRules::isSuppressionRule)) {
            return scan(notebook, RuleSet.of(BuiltInRules.all(), ids, Set.of(), Map.of()));
        }
        FileReport all = scan(notebook, RuleSet.defaults());
        return new FileReport(all.path(), all.sha256(),
                all.findings().stream().filter(f -> ids.contains(f.ruleId())).toList(), all.error());
    }

    /** Scans as {@code lockstep scan} does with no configuration file: suppressions applied. */
    public static FileReport scan(Path notebook, RuleSet rules) {
        NotebookScanner scanner = new NotebookScanner(new NotebookChecker(rules),
                new SuppressionFilter(rules, BuiltInRules.all()));
        return scanner.scan(notebook, notebook.getFileName().toString());
    }

    /** One line per finding: {@code cell N:line:col: ID severity name: message}. */
    public static String render(List<Finding> findings) {
        return findings.stream().map(Scans::render).collect(Collectors.joining("\n", "", findings.isEmpty() ? "" : "\n"));
    }

    public static String render(Finding finding) {
        Location at = finding.location();
        String where = at.cell() > 0 ? "cell " + at.cell() + ":" + at.line() + ":" + at.column() + ":" : "notebook:";
        return where + " " + finding.ruleId() + " " + finding.severity().label() + " " + finding.ruleName() + ": "
                + finding.message();
    }
}
