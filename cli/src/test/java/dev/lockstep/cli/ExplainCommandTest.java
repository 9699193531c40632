package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.RuleDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    @Test
    void printsTheRulesMarkdownPageWithMarkdown() {
        CliRunner.Result result = CliRunner.run("explain", "--markdown", "LS201");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("# LS201 absolute-path\n\n")
                .contains("Severity: **error**", "## What it does", "## Why it breaks reproducibility", "## Example",
                        "## Use instead", "## What extract does");
        assertThat(result.out()).isEqualTo(RuleDocs.page(BuiltInRules.all().stream()
                .filter(r -> r.metadata().id().equals("LS201")).findFirst().orElseThrow().metadata()));
    }

    @Test
    void printsTheRulesPageAsTerminalTextWrappedTo100Columns() {
        CliRunner.Result result = CliRunner.run("explain", "LS201");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("LS201 absolute-path\n===================\n\n")
                .contains("Severity: error · Category:", "\nWhat it does\n------------\n",
                        "\nExample\n-------\n\n    df = pd.read_csv(\"/home/maria/projects/churn/data/train.csv\")\n",
                        "`/dev/null`")
                .doesNotContain("```", "**", "\n#");
        for (String line : result.out().split("\n")) {
            assertThat(line.length()).as("line %s", line).isLessThanOrEqualTo(TerminalWidth.DEFAULT);
        }
        assertThat(result.out().replaceAll("\\s+", " "))
                .contains("Flags string literals that are absolute paths on one machine: anything under the roots");
    }

    @Test
    void wrapsToTheWidthTheLauncherPasses() {
        String before = System.getProperty(TerminalWidth.PROPERTY);
        System.setProperty(TerminalWidth.PROPERTY, "60");
        try {
            for (String line : CliRunner.run("explain", "LS201").out().split("\n")) {
                if (!line.startsWith("    ")) { // code is never wrapped
                    assertThat(line.length()).as("line %s", line).isLessThanOrEqualTo(60);
                }
            }
        } finally {
            if (before == null) {
                System.clearProperty(TerminalWidth.PROPERTY);
            } else {
                System.setProperty(TerminalWidth.PROPERTY, before);
            }
        }
    }

    @Test
    void acceptsTheNameAndAnyCaseOfTheId() {
        String page = CliRunner.run("explain", "LS001").out();
        assertThat(CliRunner.run("explain", "ls001").out()).isEqualTo(page);
        assertThat(CliRunner.run("explain", "unused-suppression").out()).isEqualTo(page);
    }

    @Test
    void anUnknownIdExits2AndSuggestsCloseOnes() {
        CliRunner.Result typo = CliRunner.run("explain", "LS2O1");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.out()).isEmpty();
        assertThat(typo.err()).isEqualTo(
                "lockstep: unknown rule 'LS2O1' (did you mean LS201?); 'lockstep rules' lists them all\n");
        CliRunner.Result family = CliRunner.run("explain", "LS1");
        assertThat(family.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(family.err()).startsWith("lockstep: unknown rule 'LS1' (a family prefix: its rules are LS101, LS102,");
        CliRunner.Result nothing = CliRunner.run("explain", "frobnicate");
        assertThat(nothing.err()).isEqualTo("lockstep: unknown rule 'frobnicate'; 'lockstep rules' lists them all\n");
    }

    @Test
    void explainsTheTeamsRulesFromAConfigFile(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("lockstep.toml"), RulesCommandTest.TEAM_RULES);
        CliRunner.Result result = CliRunner.run("explain", "--config", config.toString(), "ACME001");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("ACME001 table-needs-snapshot\n")
                .contains("Flags calls to `ourlib.data.load_table` that do not pass `snapshot=` by name.");
        assertThat(CliRunner.run("explain", "ACME001").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpListsTheNewCommands() {
        assertThat(CliRunner.run("--help").out()).contains("rules", "explain");
    }
}
