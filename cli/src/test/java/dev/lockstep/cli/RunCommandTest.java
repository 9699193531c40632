package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockstep run DIR} on hand-made jobs (standard-library Python, Debian's /usr/bin/python3). */
class RunCommandTest {

    private static final Pattern RUN_LINE = Pattern.compile("run (\\S+) succeeded in \\d+\\.\\d s");

    @TempDir
    Path temp;

    @Test
    void runStreamsTheJobAndSaysWhereTheRecordAndOutputsAre() throws IOException {
        Path job = HandMadeJob.write(temp.resolve("job")).toRealPath();
        CliRunner.Result result = CliRunner.run("run", job.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("hello from the job: 3 numbers\n");
        Matcher run = RUN_LINE.matcher(result.out());
        assertThat(run.find()).as(result.out()).isTrue();
        Path runDirectory = job.resolve("runs").resolve(run.group(1));
        Path output = runDirectory.resolve("out/result.json");
        assertThat(result.out()).contains(
                "  record   " + runDirectory.resolve("record.json") + "\n",
                "  log      " + runDirectory.resolve("run.log") + "\n",
                "  outputs  " + runDirectory + "/\n",
                "    result  out/result.json  " + Files.size(output) + " bytes  sha256 " + HandMadeJob.sha256(output));
        assertThat(Files.readString(output)).isEqualTo("{\"label\": \"demo\", \"total\": 13.0}");
        assertThat(result.err()).contains("lockstep: run " + run.group(1) + " with ");
        assertThat(Files.readString(runDirectory.resolve("run.log"))).contains("hello from the job");
    }

    @Test
    void paramsAndInputsOverrideLockstepYamlForOneRun() throws IOException {
        Path job = HandMadeJob.write(temp.resolve("job"));
        Path other = HandMadeJob.writeFile(temp.resolve("other.txt"), "10 20\n");
        CliRunner.Result result = CliRunner.run("run", job.toString(), "--param", "scale=0.5", "--param=label=x=y",
                "--input", "numbers=" + other, "--python", "/usr/bin/python3");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("hello from the job: 2 numbers");
        String record = Files.readString(onlyRun(job).resolve("record.json"));
        assertThat(record).contains("\"boundBy\": \"--input\"", "\"scale\": 0.5",
                "\"label\": \"x=y\"", "\"command\": \"/usr/bin/python3\"");
        assertThat(Files.readString(onlyRun(job).resolve("out/result.json"))).contains("\"total\": 15.0");
    }

    @Test
    void wrongOverridesAreUsageErrorsAndNothingRuns() {
        Path job = HandMadeJob.write(temp.resolve("job"));
        CliRunner.Result typed = CliRunner.run("run", job.toString(), "--param", "scale=big");
        assertThat(typed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typed.err()).contains("lockstep: --param scale=big: expected a float, got \"big\"");

        CliRunner.Result unknown = CliRunner.run("run", job.toString(), "--param", "epochs=3");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--param epochs: unknown parameter; lockstep.yaml declares fail, label, scale");

        CliRunner.Result shape = CliRunner.run("run", job.toString(), "--param", "scale");
        assertThat(shape.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shape.err()).contains("--param expects NAME=VALUE, got 'scale'");

        CliRunner.Result twice = CliRunner.run("run", job.toString(), "--input", "numbers=a", "--input", "numbers=b");
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("--input numbers is given twice");

        CliRunner.Result noDirectory = CliRunner.run("run", temp.resolve("nowhere").toString());
        assertThat(noDirectory.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noDirectory.err()).contains("not a job directory");

        CliRunner.Result missing = CliRunner.run("run");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Missing required parameter: 'DIR'");

        assertThat(job.resolve("runs")).doesNotExist();
    }

    @Test
    void aChangedInputRefusesTheRun() throws IOException {
        Path job = HandMadeJob.write(temp.resolve("job"));
        Files.writeString(job.resolve("data/numbers.txt"), "1\n2\n3.6\n");
        CliRunner.Result result = CliRunner.run("run", job.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.err()).contains("lockstep: input numbers has changed: ", "expected sha256 ",
                "the job was not run");
        assertThat(job.resolve("runs")).doesNotExist();
    }

    @Test
    void aMissingSecretIsAUsageErrorThatNamesIt() {
        Path job = HandMadeJob.write(temp.resolve("job"), "secrets: [" + HandMadeJob.UNSET_SECRET + "]\n");
        CliRunner.Result result = CliRunner.run("run", job.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("lockstep: secret " + HandMadeJob.UNSET_SECRET + " is not set");
        assertThat(job.resolve("runs")).doesNotExist();
    }

    @Test
    void aFailingJobIsReportedByNotebookCellWithItsRecordAndLog() throws IOException {
        Path job = HandMadeJob.write(temp.resolve("job")).toRealPath();
        CliRunner.Result result = CliRunner.run("run", job.toString(), "--param", "fail=true");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        Path run = onlyRun(job);
        assertThat(result.err()).contains(
                "lockstep: job failed in notebook cell 5 (id 5e6f7a8b), pipeline/main.py line 12: ValueError: asked to fail",
                "  record   " + run.resolve("record.json"),
                "  log      " + run.resolve("run.log"));
        assertThat(result.out()).doesNotContain("succeeded");
        assertThat(Files.readString(run.resolve("record.json"))).contains("\"status\": \"failed\"",
                "\"notebookCell\": 5");
    }

    @Test
    void helpDescribesTheOptions() {
        CliRunner.Result help = CliRunner.run("run", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--param=NAME=VALUE", "--input=NAME=PATH", "--python=PATH",
                "--strict-hardware", "DIR");
        assertThat(CliRunner.run("--help").out()).contains("  run ", "  verify ");
    }

    static Path onlyRun(Path job) throws IOException {
        try (Stream<Path> runs = Files.list(job.resolve("runs"))) {
            List<Path> all = runs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
