package dev.lockstep.analyzer.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.scan.ScanResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Team rules from [[rules.custom]], on src/test/resources/dev/lockstep/analyzer/config/custom-rules.ipynb. */
class CustomCallRuleTest {
    static final String RULES = """
            [[rules.custom]]
            id = "ACME001"
            name = "table-needs-snapshot"
            severity = "error"
            call = "ourlib.data.load_table"
            require-keyword = "snapshot"
            message = "pin the table snapshot"

            [[rules.custom]]
            id = "ACME002"
            name = "no-drop-all"
            call = "ourlib.data.drop_all"
            forbid = true
            message = "drop tables through the migration tool"
            """;

    @Test
    void callsAreMatchedByQualifiedNameAfterImportsAndAliases(@TempDir Path dir) throws IOException {
        assertThat(teamFindings(dir, RULES)).containsExactly(
                "cell 2:1:6: ACME001 error table-needs-snapshot: ourlib.data.load_table called without snapshot=: "
                        + "pin the table snapshot",
                "cell 2:3:6: ACME001 error table-needs-snapshot: ourlib.data.load_table called without snapshot=: "
                        + "pin the table snapshot",
                "cell 3:1:1: ACME002 warning no-drop-all: call to ourlib.data.drop_all: drop tables through the "
                        + "migration tool");
    }

    @Test
    void teamRulesFollowSelectIgnoreAndSeverityLikeBuiltInOnes(@TempDir Path dir) throws IOException {
        assertThat(teamFindings(dir, "ignore = [\"ACME001\"]\n[severity]\nACME002 = \"error\"\n" + RULES)).containsExactly(
                "cell 3:1:1: ACME002 error no-drop-all: call to ourlib.data.drop_all: drop tables through the "
                        + "migration tool");
    }

    @Test
    void aSuppressionOfATeamRuleIsKnownOnlyWhereTheRuleIsDefined(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Path notebook = Files.copy(resource("custom-rules.ipynb"), dir.resolve("nb.ipynb"));
        ScanResult result = ConfigResolverTest.scan(ConfigResolver.discovering(RuleSelection.NONE), notebook);
        assertThat(result.files().get(0).findings()).filteredOn(f -> f.ruleId().equals("LS002"))
                .extracting(Finding::message).containsExactly(
                        "'ACME001' is not a rule id, so this suppression silences nothing");
    }

    @Test
    void theDocumentationPageSaysWhatTheRuleChecks() {
        LockstepConfig config = new ConfigReader().parse(Path.of("lockstep.toml"), RULES);
        String page = ConfiguredRules.of(config).find("ACME001").orElseThrow().page();
        assertThat(page).startsWith("# ACME001 table-needs-snapshot\n\ncalls to ourlib.data.load_table must pass snapshot=\n")
                .contains("Severity: **error** · Category: team rules from lockstep.toml · Extract: reports it",
                        "## What it does\nFlags calls to `ourlib.data.load_table` that do not pass `snapshot=` by name.",
                        "pin the table snapshot (a team rule defined in `lockstep.toml`)");
        assertThat(dev.lockstep.analyzer.rules.RuleDocs.missingSections(page)).isEmpty();
    }

    /** Findings of the team's rules (ACME...), rendered as in goldens. */
    private static List<String> teamFindings(Path dir, String toml) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("lockstep.toml"), toml);
        Path notebook = Files.copy(resource("custom-rules.ipynb"), dir.resolve("nb.ipynb"));
        ScanResult result = ConfigResolverTest.scan(ConfigResolver.discovering(RuleSelection.NONE), notebook);
        assertThat(result.files().get(0).error()).isNull();
        return result.files().get(0).findings().stream().filter(f -> f.ruleId().startsWith("ACME"))
                .map(dev.lockstep.analyzer.testing.Scans::render).toList();
    }

    private static Path resource(String name) {
        try {
            return Path.of(CustomCallRuleTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
