package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockstep replay} end to end with Debian's /usr/bin/python3. */
class ReplayCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String notebook(String name) {
        return CliRunner.repoRoot().resolve("test-notebooks/replay").resolve(name + ".ipynb").toString();
    }

    @Test
    void seededRendersExtractsPreludeAndReproducesTheSavedDraws() throws Exception {
        CliRunner.Result asIs = CliRunner.run("replay", notebook("random"));
        assertThat(asIs.exitCode()).as(asIs.out() + asIs.err()).isEqualTo(1);
        assertThat(asIs.out()).contains("NOT REPRODUCED").contains("cell 1: differs: stdout line 1: saved '0.8444218515250481'");

        CliRunner.Result seeded = CliRunner.run("replay", notebook("random"), "--seeded", "--format", "json");
        assertThat(seeded.exitCode()).as(seeded.out() + seeded.err()).isZero();
        JsonNode report = JSON.readTree(seeded.out());
        assertThat(report.path("verdict").asText()).isEqualTo("reproduced");
        assertThat(report.path("seeding").asText()).isEqualTo("seeded");
        assertThat(report.path("counts").path("identical").asInt()).isEqualTo(2);
    }

    @Test
    void recordAndWriteGoWhereNamedAndNowhereElse() throws Exception {
        Path nb = CliRunner.repoRoot().resolve("test-notebooks/replay/images.ipynb");
        byte[] before = Files.readAllBytes(nb);
        List<Path> folderBefore = list(nb.getParent());
        Path records = temp.resolve("records");
        Path written = temp.resolve("out/images-replayed.ipynb");

        CliRunner.Result result = CliRunner.run("replay", nb.toString(), "--format", "json", "--record", records.toString(),
                "--write", written.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        Path record = records.resolve("images.replay.json");
        assertThat(Files.readString(record)).isEqualTo(result.out());
        JsonNode cells = JSON.readTree(result.out()).path("cells");
        assertThat(cells.get(2).path("verdict").asText()).isEqualTo("within tolerance");
        assertThat(cells.get(3).path("verdict").asText()).isEqualTo("differs");
        JsonNode copy = JSON.readTree(written.toFile());
        assertThat(copy.path("cells").get(1).path("execution_count").asInt()).isEqualTo(2);
        assertThat(copy.path("cells").get(1).path("outputs").get(0).path("data").has("image/png")).isTrue();
        assertThat(Files.readAllBytes(nb)).isEqualTo(before);
        assertThat(list(nb.getParent())).isEqualTo(folderBefore);
        assertThat(list(temp)).containsExactlyInAnyOrder(records, record, temp.resolve("out"), written);
    }

    @Test
    void twiceComparesTwoReplays() {
        CliRunner.Result result = CliRunner.run("replay", notebook("random"), "--twice", "--seeded");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("two replays compared with each other; seeded").contains("2 identical");
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        CliRunner.Result r = CliRunner.run("replay", notebook("r-kernel"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).endsWith("r-kernel.ipynb: the notebook's kernel runs R, not Python; replay runs Python notebooks only");

        assertThat(CliRunner.run("replay", temp.resolve("missing.ipynb").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("replay", notebook("random"), "--write", notebook("random")).err())
                .contains("that is the notebook itself");
        assertThat(CliRunner.run("replay", notebook("random"), "--seeded", "--as-is").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("replay", notebook("random"), "--atol", "-1").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("replay", notebook("random"), "--cell-timeout", "0").exitCode()).isEqualTo(2);
    }

    /** Debian's real notebooks: small ones that need nothing beyond the standard library. */
    @Test
    void realNotebooksDebianShipsReplayAsSaved() {
        List<String> notebooks = List.of(
                "/usr/share/doc/python-nbsphinx/html/hidden-cells.ipynb",
                "/usr/share/doc/python-notebook-doc/html/examples/Notebook/nbpackage/mynotebook.ipynb");
        for (String nb : notebooks) {
            assertThat(Path.of(nb)).as("scripts/ensure-test-packages.sh installs python-nbsphinx-doc and python-notebook-doc").exists();
            CliRunner.Result result = CliRunner.run("replay", nb);
            assertThat(result.exitCode()).as(nb + "\n" + result.out() + result.err()).isZero();
            assertThat(result.out()).contains(": REPRODUCED (").doesNotContain("not compared");
        }
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = new ArrayList<>(walk.filter(p -> !p.equals(folder)).sorted().toList());
            return paths;
        }
    }
}
