package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    private static final Path EXAMPLES = CliRunner.repoRoot().resolve("test-notebooks/examples");
    private static final Path RULE_FIXTURES = CliRunner.repoRoot().resolve("test-notebooks/rules");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textFindingsHaveLocationRuleCodeFrameAndSummary() {
        Path notebook = RULE_FIXTURES.resolve("LS201/positive.ipynb");
        CliRunner.Result result = CliRunner.run("scan", "--no-code-frames", notebook.toString());
        assertThat(result.out()).contains(notebook + ":cell 2:1:18: LS201 error absolute-path: absolute path "
                + "'/home/maria/projects/churn/data/train.csv'");
        CliRunner.Result framed = CliRunner.run("scan", "--color", "never", notebook.toString());
        assertThat(framed.out()).contains(String.join("\n",
                "  |",
                "1 | df = pd.read_csv(\"/home/maria/projects/churn/data/train.csv\")",
                "  |                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"));
        assertThat(framed.out()).doesNotContain("\u001b[");
        assertThat(framed.out().strip()).endsWith("in 1 notebook.");
        assertThat(framed.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void failOnSetsTheThreshold() {
        String gaps = RULE_FIXTURES.resolve("LS103/positive.ipynb").toString();
        assertThat(CliRunner.run("scan", "--fail-on", "error", gaps).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(CliRunner.run("scan", "--fail-on", "info", gaps).exitCode()).isEqualTo(ExitCodes.FINDINGS);
        CliRunner.Result bad = CliRunner.run("scan", "--fail-on", "fatal", gaps);
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("unknown severity 'fatal'");
    }

    @Test
    void aFolderWithoutNotebooksIsSaidNotPassedOverSilently(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("empty/.ipynb_checkpoints"));
        Files.writeString(dir.resolve("empty/.ipynb_checkpoints/old-checkpoint.ipynb"), "{}");
        Files.writeString(dir.resolve("empty/notes.py"), "x = 1\n");
        String notebook = RULE_FIXTURES.resolve("LS103/positive.ipynb").toString();
        CliRunner.Result result = CliRunner.run("scan", "--format", "json", dir.resolve("empty").toString(), notebook);
        assertThat(result.err().lines().toList()).containsExactly(
                "lockstep: warning: " + dir.resolve("empty") + ": no notebooks (.ipynb) in this folder");
        assertThat(JSON.readTree(result.out()).get("files")).hasSize(1); // the rest of the batch is scanned
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void unreadableFilesGetOneLineAndTheBatchGoesOn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-broken.ipynb"), "{\"nbformat\": 4, \"cells\": [");
        Files.writeString(dir.resolve("b-fine.ipynb"), "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, "
                + "\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": [], "
                + "\"source\": \"x = '/home/ana/data.csv'\"}]}");
        Files.createDirectories(dir.resolve("sub.ipynb"));
        CliRunner.Result result = CliRunner.run("scan", "--no-code-frames", dir.resolve("a-broken.ipynb").toString(),
                dir.resolve("b-fine.ipynb").toString(), dir.resolve("missing.ipynb").toString());
        assertThat(result.out().lines().toList()).containsSubsequence(
                dir.resolve("a-broken.ipynb") + ": error: truncated JSON: unexpected end of file (line 1, column 27)",
                dir.resolve("b-fine.ipynb") + ":cell 1:1:5: LS201 error absolute-path: absolute path '/home/ana/data.csv'"
                        + " exists only on one machine: use a path relative to the project",
                dir.resolve("missing.ipynb") + ": error: no such file or directory");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void foldersAreSearchedRecursivelyInSortedOrderSkippingCheckpoints(@TempDir Path dir) throws IOException {
        String notebook = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}";
        for (String name : new String[] {"b.ipynb", "a/z.ipynb", "a/b.ipynb", ".ipynb_checkpoints/b-checkpoint.ipynb",
                "notes.txt"}) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, notebook);
        }
        CliRunner.Result result = CliRunner.run("scan", "--format", "json", dir.toString());
        JsonNode files = parse(result.out()).get("files");
        assertThat(files).extracting(f -> f.get("path").asText()).containsExactly(
                dir + "/a/b.ipynb", dir + "/a/z.ipynb", dir + "/b.ipynb");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void outputIsByteIdenticalAcrossRunsAndThreadCounts() {
        String[] targets = {EXAMPLES.toString(), RULE_FIXTURES.toString()};
        for (String format : new String[] {"text", "json", "sarif"}) {
            CliRunner.Result single = CliRunner.run(concat(new String[] {"scan", "--format", format, "--threads", "1"}, targets));
            CliRunner.Result parallel = CliRunner.run(concat(new String[] {"scan", "--format", format, "--threads", "4"}, targets));
            CliRunner.Result again = CliRunner.run(concat(new String[] {"scan", "--format", format}, targets));
            assertThat(single.out()).as(format).isNotEmpty().isEqualTo(parallel.out()).isEqualTo(again.out());
        }
    }

    @Test
    void jsonFormatHasTheDocumentedShape() throws IOException {
        CliRunner.Result result = CliRunner.run("scan", "--format", "json", RULE_FIXTURES.resolve("LS201/positive.ipynb").toString());
        JsonNode root = parse(result.out());
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("tool").get("name").asText()).isEqualTo("lockstep");
        JsonNode file = root.get("files").get(0);
        assertThat(file.get("sha256").asText()).hasSize(64);
        assertThat(file.get("error").isNull()).isTrue();
        JsonNode finding = null;
        for (JsonNode f : file.get("findings")) {
            if (finding == null && f.get("rule").asText().equals("LS201")) {
                finding = f;
            }
        }
        assertThat(finding).isNotNull();
        assertThat(finding.get("rule").asText()).isEqualTo("LS201");
        assertThat(finding.get("name").asText()).isEqualTo("absolute-path");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("cell").asInt()).isEqualTo(2);
        assertThat(finding.get("cellId").asText()).isEqualTo("c2");
        assertThat(finding.get("line").asInt()).isEqualTo(1);
        assertThat(finding.get("column").asInt()).isEqualTo(18);
        assertThat(finding.get("endColumn").asInt()).isEqualTo(61);
        long errors = 0;
        for (JsonNode f : file.get("findings")) {
            errors += f.get("severity").asText().equals("error") ? 1 : 0;
        }
        assertThat(root.get("summary").get("error").asInt()).isEqualTo(errors);
        assertThat(root.get("summary").get("findings").asInt()).isEqualTo(file.get("findings").size());
    }

    @Test
    void versionAndHelpWorkAsPicocliUsersExpect() {
        CliRunner.Result version = CliRunner.run("--version");
        assertThat(version.out()).startsWith("lockstep ");
        assertThat(version.exitCode()).isZero();
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.out()).contains("Usage: lockstep", "scan");
        assertThat(CliRunner.run("scan", "--help").out()).contains("--format", "--fail-on");
        CliRunner.Result none = CliRunner.run();
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRunner.Result unknown = CliRunner.run("scna");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRunner.run("scan").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static JsonNode parse(String json) throws IOException {
        return new ObjectMapper().readTree(json);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
