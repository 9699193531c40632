package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples extract as they say: scripts/example.sh's notebook with its pins and data
 * has no blockers (exit 0), scripts/example-blocked.sh's has blockers on purpose (exit 1).
 * (The scripts themselves also run and verify the job with real Python.)
 */
class ShippedExamplesTest {

    private static final Path EXAMPLES = CliRunner.repoRoot().resolve("test-notebooks/examples");

    @Test
    void theMainExampleExtractsWithNoBlockersGivenItsPinsAndData(@TempDir Path dir) {
        CliRunner.Result result = CliRunner.run("extract", EXAMPLES.resolve("pytorch-adapter-finetune.ipynb").toString(),
                "-o", dir.resolve("job").toString(),
                "--requirements", EXAMPLES.resolve("pytorch-adapter-finetune.pins.txt").toString(),
                "--input", "data=" + EXAMPLES.resolve("data/train.csv"));
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("6 params, 1 input, 2 outputs.").doesNotContain("blocker");
    }

    @Test
    void theBlockedExampleListsItsBlockersAndExits1(@TempDir Path dir) {
        CliRunner.Result result = CliRunner.run("extract", EXAMPLES.resolve("sklearn-churn-model.ipynb").toString(),
                "-o", dir.resolve("job").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.out()).contains("blockers (the job is not reproducible until each is decided;",
                "  EX002 cell 5:1: input 'churn' (~/data/churn.csv) is not on this machine",
                "'lockstep explain ID' explains each code.");
    }

    /** README.md's sample output is real: its lines appear, in order, in what scan prints (elisions marked "[..."). */
    @Test
    void theReadmesSampleOutputIsWhatScanPrints() throws IOException {
        String readme = Files.readString(CliRunner.repoRoot().resolve("README.md"));
        String command = "$ ./lockstep scan test-notebooks/examples/sklearn-churn-model.ipynb\n";
        int start = readme.indexOf(command);
        assertThat(start).as("the sample in README.md").isPositive();
        List<String> sample = readme.substring(start + command.length(), readme.indexOf("\n```", start)).lines().toList();
        Path notebook = EXAMPLES.resolve("sklearn-churn-model.ipynb");
        String printed = CliRunner.run("scan", "--color", "never", notebook.toString()).out()
                .replace(notebook.toString(), "test-notebooks/examples/sklearn-churn-model.ipynb");
        int at = 0;
        int elided = 0;
        for (String line : sample) {
            if (line.startsWith("[...")) {
                elided++;
                continue;
            }
            int found = printed.indexOf(line + "\n", at);
            assertThat(found).as("README sample line, in order: %s", line).isGreaterThanOrEqualTo(at);
            at = found + line.length();
        }
        assertThat(elided).as("elisions marked").isEqualTo(1);
        assertThat(sample.get(sample.size() - 1)).isEqualTo(printed.lines().reduce((a, b) -> b).orElseThrow());
    }
}
