package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    static final String TEAM_RULES = """
            ignore = ["LS3"]

            [severity]
            LS201 = "warning"

            [[rules.custom]]
            id = "ACME001"
            name = "table-needs-snapshot"
            severity = "error"
            call = "ourlib.data.load_table"
            require-keyword = "snapshot"
            message = "pin the table snapshot"
            """;

    @Test
    void listsEveryRuleAsAnAlignedTable() {
        CliRunner.Result result = CliRunner.run("rules");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("ID +NAME +SEVERITY +FIXABLE +SUMMARY");
        int summaryColumn = lines.get(0).indexOf("SUMMARY");
        // Summaries are wrapped to 100 columns (no terminal): continuation lines are indented to
        // the summary column, and joined they give the summary back.
        for (String line : lines) {
            assertThat(line.length()).as("line %s", line).isLessThanOrEqualTo(TerminalWidth.DEFAULT);
        }
        for (Rule rule : BuiltInRules.all()) {
            int at = 0;
            while (!lines.get(at).startsWith(rule.metadata().id() + " ")) {
                at++;
            }
            StringBuilder summary = new StringBuilder(lines.get(at).substring(summaryColumn));
            while (at + 1 < lines.size() && lines.get(at + 1).startsWith(" ".repeat(summaryColumn))) {
                summary.append(' ').append(lines.get(++at).substring(summaryColumn));
            }
            assertThat(summary.toString()).isEqualTo(rule.metadata().summary().strip().replaceAll(" +", " "));
        }
        assertThat(lines.stream().filter(l -> !l.startsWith(" ")).count()).isEqualTo(BuiltInRules.all().size() + 1);
        assertThat(lines).anyMatch(l -> l.matches("LS201 +absolute-path +error +yes +String literal .*"));
        assertThat(lines).anyMatch(l -> l.matches("LS001 +unused-suppression +info +no +.*"));
    }

    @Test
    void jsonHasEveryRuleWithItsMetadata() throws IOException {
        CliRunner.Result result = CliRunner.run("rules", "--format", "json");
        JsonNode rules = new ObjectMapper().readTree(result.out()).get("rules");
        assertThat(rules).hasSize(BuiltInRules.all().size());
        JsonNode ls201 = rules.findParents("id").stream().filter(r -> r.get("id").asText().equals("LS201")).findFirst()
                .orElseThrow();
        assertThat(ls201.get("name").asText()).isEqualTo("absolute-path");
        assertThat(ls201.get("severity").asText()).isEqualTo("error");
        assertThat(ls201.get("enabled").asBoolean()).isTrue();
        assertThat(ls201.get("fixable").asBoolean()).isTrue();
        assertThat(ls201.get("category").asText()).isEqualTo("paths and external resources");
        assertThat(ls201.get("summary").asText()).startsWith("String literal");
    }

    @Test
    void withAConfigFileItShowsTeamRulesAndTheFilesSeverities(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("lockstep.toml"), TEAM_RULES);
        CliRunner.Result result = CliRunner.run("rules", "--config", config.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).anyMatch(l -> l.matches("LS201 +absolute-path +warning +yes .*"))
                .anyMatch(l -> l.matches("LS301 +unseeded-python-random +off +yes .*"))
                .anyMatch(l -> l.matches(
                        "ACME001 +table-needs-snapshot +error +no +calls to ourlib.data.load_table must pass( snapshot=)?"));
        JsonNode json = new ObjectMapper().readTree(CliRunner.run("rules", "--config", config.toString(), "--format",
                "json").out());
        JsonNode last = json.get("rules").get(json.get("rules").size() - 1);
        assertThat(last.get("id").asText()).isEqualTo("ACME001");
        assertThat(last.get("category").asText()).isEqualTo("team rules from lockstep.toml");
    }

    @Test
    void aBadConfigFileIsOneErrorAndExit2(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("lockstep.toml"), "[severity]\nLS201 = \"loud\"\n");
        CliRunner.Result result = CliRunner.run("rules", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("lockstep: " + config
                + ":2: severity.LS201: unknown severity 'loud' (expected info, warning or error)\n");
        assertThat(result.out()).isEmpty();
    }
}
