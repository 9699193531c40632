package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockstep verify DIR} on a hand-made job. */
class VerifyCommandTest {

    @TempDir
    Path temp;

    @Test
    void withoutARecordedRunThereIsNothingToCompare() {
        Path job = HandMadeJob.write(temp.resolve("job"));
        CliRunner.Result result = CliRunner.run("verify", job.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("no successful run to compare with");
        assertThat(job.resolve("runs")).doesNotExist();
    }

    @Test
    void aSecondRunWithTheSameConfigPassesAndADifferentOneFails() throws IOException {
        Path job = HandMadeJob.write(temp.resolve("job"));
        assertThat(CliRunner.run("run", job.toString()).exitCode()).isZero();
        String baseline = runIds(job).get(0);

        CliRunner.Result same = CliRunner.run("verify", job.toString());
        assertThat(same.exitCode()).as(same.err()).isEqualTo(ExitCodes.OK);
        assertThat(same.out()).contains("hello from the job", " succeeded in ", "with baseline " + baseline,
                "  result  identical", "verify passed: 1 output identical or within tolerance");

        CliRunner.Result changed = CliRunner.run("verify", job.toString(), "--against", baseline, "--param", "scale=3");
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(changed.out()).contains("  result  different", "param scale", "verify failed: 1 of 1 output different");

        List<String> runs = runIds(job);
        assertThat(runs).hasSize(3);
        CliRunner.Result recorded = CliRunner.run("verify", job.toString(), "--runs", runs.get(0), runs.get(1));
        assertThat(recorded.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(recorded.out()).startsWith("compared run " + runs.get(1) + " with baseline " + runs.get(0) + "\n");
        assertThat(recorded.out()).doesNotContain("hello from the job");
        assertThat(CliRunner.run("verify", job.toString(), "--runs", runs.get(0), runs.get(2)).exitCode())
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(runIds(job)).hasSize(3);
    }

    @Test
    void aFailedNewRunIsAFailureWithNothingCompared() throws IOException {
        Path job = HandMadeJob.write(temp.resolve("job"));
        assertThat(CliRunner.run("run", job.toString()).exitCode()).isZero();
        String baseline = new dev.lockstep.runtime.record.RunHistory(job).runIds().get(0);
        CliRunner.Result result = CliRunner.run("verify", job.toString(), "--param", "fail=true", "--against", baseline);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.err()).contains("job failed in notebook cell 5", "nothing compared with baseline");
    }

    @Test
    void runsTakesNoRunOptionsAndUnknownRunsAreErrors() {
        Path job = HandMadeJob.write(temp.resolve("job"));
        CliRunner.Result mixed = CliRunner.run("verify", job.toString(), "--runs", "A", "B", "--param", "scale=1");
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(mixed.err()).contains("--runs compares two recorded runs and runs nothing");

        CliRunner.Result unknown = CliRunner.run("verify", job.toString(), "--runs", "A", "B");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("lockstep: ", "A");

        CliRunner.Result against = CliRunner.run("verify", job.toString(), "--against", "nope");
        assertThat(against.exitCode()).isNotZero();
        assertThat(against.err()).contains("nope");
    }

    static List<String> runIds(Path job) throws IOException {
        try (Stream<Path> runs = Files.list(job.resolve("runs"))) {
            return runs.map(run -> run.getFileName().toString()).sorted().toList();
        }
    }
}
