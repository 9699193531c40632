package dev.lockstep.analyzer.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.NotebookFormatException;
import dev.lockstep.analyzer.notebook.NotebookReader;
import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Location;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.testing.Scans;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Suppression comments and cell tags, end to end through the scanner. Fixture notebooks are in
 * src/test/resources/dev/lockstep/analyzer/suppression (written with test-notebooks/rules/fixture.py).
 * Only the findings of the rules each test is about are compared, so rules added later do not
 * change these expectations.
 */
class SuppressionFilterTest {

    @Test
    void aCommentSilencesItsRulesOnItsLineOnly() {
        List<String> cell1 = findings("comments.ipynb", 1, "LS201");
        assertThat(cell1).containsExactly(
                "cell 1:3:17: LS201", // b: no comment
                "cell 1:6:35: LS201", // e: the "#" is inside a string
                "cell 1:10:5: LS201"); // g: the comment is on the call's line, the finding on the next
    }

    @Test
    void aCommentMayNameSeveralIdsAndEachIsJudgedAlone() {
        assertThat(findings("comments.ipynb", 1, "LS001")).contains(
                "cell 1:5:56: LS001 no LS301 finding on this line to silence: remove LS301 from the comment");
        assertThat(findings("comments.ipynb", 1, "LS201")).doesNotContain("cell 1:5:17: LS201");
    }

    @Test
    void aBlanketCommentSilencesEveryRuleOnItsLine() {
        assertThat(findings("comments.ipynb", 1, "LS201")).doesNotContain("cell 1:4:17: LS201");
        assertThat(findings("comments.ipynb", 4, "LS001"))
                .contains("cell 4:5:11: LS001 no finding on this line to silence: remove the comment");
    }

    @Test
    void cellTagsSilenceARuleOrEveryRuleInTheCell() {
        assertThat(findings("comments.ipynb", 2, "LS201", "LS001")).isEmpty();
        assertThat(findings("comments.ipynb", 3, "LS201", "LS001")).isEmpty();
        assertThat(findings("comments.ipynb", 5, "LS001")).containsExactly(
                "cell 5:1:1: LS001 no LS105 finding in this cell to silence: remove the cell tag lockstep-ignore-LS105");
    }

    @Test
    void unusedUnknownMalformedAndSelfSuppressionsAreReported() {
        assertThat(findings("comments.ipynb", 4, "LS001", "LS002")).containsExactly(
                "cell 4:1:27: LS001 no LS201 finding on this line to silence: remove LS201 from the comment",
                "cell 4:2:27: LS002 'LS2O1' is not a rule id, so this suppression silences nothing (did you mean LS201?)",
                "cell 4:3:8: LS002 malformed suppression: put the ids in brackets, as in # lockstep: ignore[LS201]",
                "cell 4:4:27: LS002 LS001 findings are never silenced by a suppression; turn the rule off with "
                        + "ignore = [\"LS001\"] in lockstep.toml",
                "cell 4:5:11: LS001 no finding on this line to silence: remove the comment");
    }

    @Test
    void magicLinesAreReadAsAShellReadsThem() {
        assertThat(findings("escapes.ipynb", 1, "LS201", "LS001")).containsExactly(
                "cell 1:2:1: LS201"); // the "#" of line 2 is inside the echoed string; lines 1 and 3 are silenced
    }

    @Test
    void cellsThatDoNotParseFallBackToAStringAwareLexer() {
        assertThat(findings("escapes.ipynb", 2, "LS201", "LS001", "LS504")).containsExactly("cell 2:1:12: LS504");
    }

    @Test
    void notebooksOfOtherKernelsAreReadToo() {
        AnalyzedNotebook notebook = analyze("r-kernel.ipynb");
        assertThat(Suppressions.find(notebook).suppressions())
                .extracting(s -> s.cell().number() + ":" + s.line() + ":" + s.ruleId())
                .containsExactly("1:1:LS201");
    }

    @Test
    void aFindingSpanningSeveralLinesIsSilencedOnItsFirstLine() {
        AnalyzedNotebook notebook = analyze("comments.ipynb");
        RuleSet rules = RuleSet.defaults();
        // f's comment is on line 8: a finding from line 7 to 8 is not silenced, one from 8 to 9 is.
        Finding fromSeven = finding(7, 8);
        Finding fromEight = finding(8, 9);
        List<Finding> kept = new SuppressionFilter(rules, BuiltInRules.all()).apply(notebook, List.of(fromSeven, fromEight));
        assertThat(kept).contains(fromSeven).doesNotContain(fromEight);
    }

    @Test
    void suppressionsOfRulesThatDidNotRunAreNotReported() {
        RuleSet onlyPaths = RuleSet.of(BuiltInRules.all(), List.of("LS0", "LS201"), Set.of(), Map.of());
        FileReport report = Scans.scan(resource("comments.ipynb"), onlyPaths);
        List<String> lines = render(report.findings(), 0, "LS001");
        assertThat(lines).doesNotContain(
                "cell 1:5:56: LS001 no LS301 finding on this line to silence: remove LS301 from the comment",
                "cell 4:5:11: LS001 no finding on this line to silence: remove the comment");
        assertThat(lines).contains("cell 4:1:27: LS001 no LS201 finding on this line to silence: remove LS201 from the comment");
    }

    @Test
    void withoutTheSuppressionRulesSuppressionsStillApplyAndNothingIsReported() {
        RuleSet noLs0 = RuleSet.of(BuiltInRules.all(), null, Set.of("LS0"), Map.of());
        FileReport report = Scans.scan(resource("comments.ipynb"), noLs0);
        assertThat(render(report.findings(), 1, "LS201")).containsExactly(
                "cell 1:3:17: LS201", "cell 1:6:35: LS201", "cell 1:10:5: LS201");
        assertThat(report.findings()).noneMatch(f -> f.ruleId().startsWith("LS0"));
    }

    @Test
    void findingsUseTheConfiguredSeverityOfTheSuppressionRules() {
        RuleSet loud = RuleSet.of(BuiltInRules.all(), null, Set.of(), Map.of("LS001", Severity.ERROR));
        FileReport report = Scans.scan(resource("comments.ipynb"), loud);
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("LS001"))
                .isNotEmpty().allMatch(f -> f.severity() == Severity.ERROR);
    }

    private static Finding finding(int line, int endLine) {
        return new Finding("LS201", "absolute-path", Severity.ERROR, new Location(1, null, line, 1, endLine, 5), "m", "");
    }

    /** The given rules' findings in one cell (0: all cells), as "cell N:L:C: ID message" (LS0) or "cell N:L:C: ID". */
    private static List<String> findings(String notebook, int cell, String... ruleIds) {
        return render(Scans.scan(resource(notebook)).findings(), cell, ruleIds);
    }

    private static List<String> render(List<Finding> findings, int cell, String... ruleIds) {
        List<String> ids = List.of(ruleIds);
        return findings.stream()
                .filter(f -> ids.contains(f.ruleId()) && (cell == 0 || f.location().cell() == cell))
                .map(f -> "cell " + f.location().cell() + ":" + f.location().line() + ":" + f.location().column() + ": "
                        + f.ruleId() + (f.ruleId().startsWith("LS0") ? " " + f.message() : ""))
                .toList();
    }

    private static AnalyzedNotebook analyze(String name) {
        try {
            return new NotebookAnalyzer().analyze(new NotebookReader().read(resource(name), name));
        } catch (NotebookFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(SuppressionFilterTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
