package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lockstep scan} with lockstep.toml, --config, --select and --ignore, and suppressions.
 * Each test lays out a small repository (a .git folder bounds the search for lockstep.toml)
 * holding copies of src/test/resources/dev/lockstep/cli/team.ipynb.
 */
class ScanConfigurationTest {
    private static final String RAW = ":cell 2:1:19: LS201 error absolute-path: absolute path '/home/ana/raw.csv'";
    private static final String RAW_WARNING = ":cell 2:1:19: LS201 warning absolute-path: absolute path '/home/ana/raw.csv'";
    private static final String KEPT = ":cell 2:2:";
    private static final String TEAM = ":cell 2:3:10: ACME001 error table-needs-snapshot: ourlib.data.load_table called "
            + "without snapshot=: pin the table snapshot";

    @TempDir
    Path repo;

    @BeforeEach
    void makeRepository() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
    }

    @Test
    void withoutAConfigurationSuppressionsStillApply() throws IOException {
        Path notebook = notebook("nb.ipynb");
        List<String> lines = scan(notebook.toString());
        assertThat(lines).anyMatch(l -> l.startsWith(notebook + RAW));
        assertThat(lines).noneMatch(l -> l.startsWith(notebook + KEPT));
        assertThat(lines).noneMatch(l -> l.contains("ACME001"));
    }

    @Test
    void theNearestLockstepTomlChangesSeveritiesAndAddsTeamRules() throws IOException {
        write("lockstep.toml", RulesCommandTest.TEAM_RULES);
        Path notebook = notebook("analysis/nb.ipynb");
        CliRunner.Result result = CliRunner.run("scan", "--no-code-frames", notebook.toString());
        assertThat(result.out().lines()).anyMatch(l -> l.startsWith(notebook + RAW_WARNING))
                .contains(notebook + TEAM)
                .noneMatch(l -> l.startsWith(notebook + KEPT));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void eachNotebookGetsItsOwnFoldersConfiguration() throws IOException {
        write("team/lockstep.toml", RulesCommandTest.TEAM_RULES);
        Path team = notebook("team/nb.ipynb");
        Path other = notebook("other/nb.ipynb");
        List<String> lines = scan(repo.toString());
        assertThat(lines).contains(team + TEAM).noneMatch(l -> l.startsWith(other + ":cell 2:3:"));
        assertThat(lines).anyMatch(l -> l.startsWith(other + RAW)).anyMatch(l -> l.startsWith(team + RAW_WARNING));
    }

    @Test
    void aGivenConfigAppliesToEveryNotebook() throws IOException {
        write("team/lockstep.toml", "select = [\"LS1\"]\n");
        Path config = write("ci/strict.toml", RulesCommandTest.TEAM_RULES);
        Path team = notebook("team/nb.ipynb");
        Path other = notebook("other/nb.ipynb");
        List<String> lines = scan("--config", config.toString(), team.toString(), other.toString());
        assertThat(lines).contains(team + TEAM, other + TEAM);
    }

    @Test
    void selectAndIgnoreOnTheCommandLine() throws IOException {
        write("lockstep.toml", RulesCommandTest.TEAM_RULES);
        Path notebook = notebook("nb.ipynb");
        List<String> onlyTeam = scan("--select", "ACME", notebook.toString());
        assertThat(onlyTeam).contains(notebook + TEAM).noneMatch(l -> l.contains(" LS201 "));
        List<String> noTeam = scan("--ignore", "ACME001,LS1", notebook.toString());
        assertThat(noTeam).noneMatch(l -> l.contains("ACME001")).anyMatch(l -> l.contains(" LS201 "));
        List<String> both = scan("--select", "LS2, ACME", "--ignore", "LS201", notebook.toString());
        assertThat(both).contains(notebook + TEAM).noneMatch(l -> l.contains(" LS201 "));
    }

    @Test
    void aBadConfigurationIsOneErrorLineAndExit2() throws IOException {
        write("lockstep.toml", "select = [\"LS1\"]\n\n[[rules.custom]]\nid = \"LS201\"\n");
        Path notebook = notebook("nb.ipynb");
        CliRunner.Result result = CliRunner.run("scan", notebook.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("lockstep: " + repo.resolve("lockstep.toml") + ":4: rules.custom[0].id: "
                + "'LS201' is the built-in rule absolute-path: give the team rule an id of its own, as in ACME001\n");
    }

    @Test
    void aMissingConfigFileAndBadOptionsExit2() throws IOException {
        Path notebook = notebook("nb.ipynb");
        CliRunner.Result missing = CliRunner.run("scan", "--config", repo.resolve("nope.toml").toString(), notebook.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).isEqualTo("lockstep: " + repo.resolve("nope.toml") + ": no such file\n");
        CliRunner.Result option = CliRunner.run("scan", "--select", "LS2O1", notebook.toString());
        assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err()).isEqualTo("lockstep: --select: no rule has the id 'LS2O1' (did you mean LS201?)\n");
    }

    @Test
    void sarifListsTheSuppressionAndTeamRules() throws IOException {
        write("lockstep.toml", RulesCommandTest.TEAM_RULES);
        Path notebook = notebook("nb.ipynb");
        CliRunner.Result result = CliRunner.run("scan", "--format", "sarif", notebook.toString());
        JsonNode run = new ObjectMapper().readTree(result.out()).get("runs").get(0);
        List<String> ruleIds = new ArrayList<>();
        run.get("tool").get("driver").get("rules").forEach(r -> ruleIds.add(r.get("id").asText()));
        assertThat(ruleIds).contains("ACME001", "LS001", "LS002", "LS201").doesNotContain("LS301");
        JsonNode team = run.get("results").findParents("ruleId").stream()
                .filter(r -> r.get("ruleId").asText().equals("ACME001")).findFirst().orElseThrow();
        assertThat(run.get("tool").get("driver").get("rules").get(team.get("ruleIndex").asInt()).get("id").asText())
                .isEqualTo("ACME001");
    }

    @Test
    void jsonAndTextAgreeOnWhatIsSuppressed() throws IOException {
        Path notebook = notebook("nb.ipynb");
        JsonNode json = new ObjectMapper().readTree(CliRunner.run("scan", "--format", "json", notebook.toString()).out());
        assertThat(json.get("files").get(0).get("findings").findValuesAsText("rule")).contains("LS201");
        json.get("files").get(0).get("findings").forEach(f ->
                assertThat(f.get("cell").asInt() + ":" + f.get("line").asInt()).isNotEqualTo("2:2"));
    }

    private List<String> scan(String... args) {
        List<String> all = new ArrayList<>(List.of("scan", "--no-code-frames"));
        all.addAll(List.of(args));
        CliRunner.Result result = CliRunner.run(all.toArray(String[]::new));
        assertThat(result.err()).isEmpty();
        return result.out().lines().toList();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Path notebook(String relative) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        try (InputStream in = ScanConfigurationTest.class.getResourceAsStream("team.ipynb")) {
            Files.copy(in, file);
        }
        return file;
    }
}
