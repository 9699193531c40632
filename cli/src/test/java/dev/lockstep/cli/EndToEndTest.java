package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notebook to proof, with real Python (Debian's /usr/bin/python3 with torch, numpy and pandas;
 * scripts/ensure-python-packages.sh installs them) and no mocks: {@code extract}, then
 * {@code run}, {@code verify} and the job's own {@code java RunJob.java}.
 */
class EndToEndTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path EXAMPLES = CliRunner.repoRoot().resolve("test-notebooks/examples");
    private static final Path ADAPTER = EXAMPLES.resolve("pytorch-adapter-finetune.ipynb");
    private static final Path TRAIN_CSV = EXAMPLES.resolve("data/train.csv");
    private static final Path OWN = CliRunner.repoRoot().resolve("cli/src/test/resources/dev/lockstep/cli/e2e");
    private static final Pattern RUN_ID = Pattern.compile("run (\\S+) succeeded in ");

    @TempDir
    static Path work;

    /** The name extract gives the adapter notebook's training data (read from extraction.json). */
    private static String dataInput;

    @BeforeAll
    static void pythonWithTorchNumpyAndPandas() throws Exception {
        Launch probe = Launch.of(work, PYTHON.toString(), "-c", "import numpy, pandas, torch");
        assertThat(probe.exitCode())
                .withFailMessage("%s cannot import numpy, pandas and torch, which these tests need (Debian:"
                        + " python3-numpy python3-pandas python3-torch; scripts/ensure-python-packages.sh installs"
                        + " them):%n%s", PYTHON, probe.err())
                .isZero();

        Path unbound = work.resolve("adapter-unbound");
        extract(ADAPTER, unbound);
        for (JsonNode input : new ObjectMapper().readTree(unbound.resolve("extraction.json").toFile()).get("inputs")) {
            if (input.get("original").asText().endsWith("/train.csv")) {
                dataInput = input.get("name").asText();
            }
        }
        assertThat(dataInput).as("the input extract made of train.csv").isNotNull();
    }

    @Test
    void theAdapterFineTuneRunsTwiceToByteIdenticalWeightsAlsoThroughRunJobJava() throws Exception {
        Path job = extract(ADAPTER, work.resolve("adapter"), "--input", dataInput + "=" + TRAIN_CSV);

        CliRunner.Result first = CliRunner.run("run", job.toString(), "--python", PYTHON.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("epoch 5/5", "val loss", "\n    adapter  out/adapter.pt  ",
                "\n    metrics  out/metrics.json  ");

        CliRunner.Result second = CliRunner.run("verify", job.toString(), "--python", PYTHON.toString());
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("with baseline " + runId(first), "  adapter  identical",
                "  metrics  identical", "no drift", "verify passed: 2 outputs identical or within tolerance");

        // The job's own launcher, with a bare JDK: the same runtime, the same bytes.
        Launch runJob = Launch.of(job, javaCommand(), "RunJob.java", "verify", "--python", PYTHON.toString());
        assertThat(runJob.exitCode()).as(runJob.err()).isZero();
        assertThat(runJob.out()).contains("epoch 5/5", "  adapter  identical", "verify passed");
        assertThat(runIds(job)).hasSize(3);

        Launch help = Launch.of(work, javaCommand(), job.resolve("RunJob.java").toString(), "--help");
        assertThat(help.out()).contains("  --lr FLOAT", "(default: 0.003)", "  --" + dataInput.replace('_', '-')
                + " PATH");
    }

    @Test
    void withoutTheDeterminismPreludeTwoRunsDiffer() throws Exception {
        Path job = extract(ADAPTER, work.resolve("adapter-no-determinism"), "--no-determinism", "--input",
                dataInput + "=" + TRAIN_CSV);
        assertThat(Files.readString(job.resolve("pipeline/main.py"))).doesNotContain("manual_seed");

        CliRunner.Result first = CliRunner.run("run", job.toString(), "--python", PYTHON.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        CliRunner.Result second = CliRunner.run("verify", job.toString(), "--python", PYTHON.toString());
        assertThat(second.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(second.out()).contains("  adapter  different (bytes differ", "verify failed");
    }

    @Test
    void aChangedInputByteRefusesTheRun() throws Exception {
        Path data = Files.createDirectories(work.resolve("changed-data")).resolve("train.csv");
        Files.copy(TRAIN_CSV, data);
        Path job = extract(ADAPTER, work.resolve("adapter-changed-input"), "--input", dataInput + "=" + data);
        byte[] bytes = Files.readAllBytes(data);
        int last = bytes.length - 2;
        bytes[last] = (byte) (bytes[last] == '1' ? '0' : '1');
        Files.write(data, bytes);

        CliRunner.Result result = CliRunner.run("run", job.toString(), "--python", PYTHON.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.err()).contains("lockstep: input " + dataInput + " has changed: " + data.toRealPath(),
                "expected sha256 " + HandMadeJob.sha256(TRAIN_CSV), "the job was not run");
        assertThat(job.resolve("runs")).doesNotExist();
    }

    @Test
    void aSecretTheNotebookHardCodedMustBeInTheEnvironment() throws Exception {
        Path job = extract(OWN.resolve("report-upload.ipynb"), work.resolve("report-upload"));
        assertThat(Files.readString(job.resolve("lockstep.yaml"))).contains("secrets: [REPORT_API_TOKEN]");
        assertThat(Files.readString(job.resolve("pipeline/main.py")))
                .contains("os.environ[\"REPORT_API_TOKEN\"]").doesNotContain("Zq8vK2mX9pL4rT7wY1nB5cD3fG6hJ0sA");
        assertThat(System.getenv("REPORT_API_TOKEN")).as("REPORT_API_TOKEN must not be set for this test").isNull();

        CliRunner.Result result = CliRunner.run("run", job.toString(), "--python", PYTHON.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("lockstep: secret REPORT_API_TOKEN is not set");
        assertThat(job.resolve("runs")).doesNotExist();
    }

    @Test
    void aJobThatRaisesIsReportedByItsNotebookCell() throws Exception {
        Path job = extract(OWN.resolve("linear-fit.ipynb"), work.resolve("linear-fit-failing"));
        CliRunner.Result result = CliRunner.run("run", job.toString(), "--python", PYTHON.toString(), "--param",
                "epochs=0");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        Matcher failure = Pattern.compile("lockstep: job failed in notebook cell 4 \\(id b2000004\\), pipeline/main\\.py"
                + " line (\\d+): ZeroDivisionError: float division by zero").matcher(result.err());
        assertThat(failure.find()).as(result.err()).isTrue();
        List<String> mainPy = Files.readAllLines(job.resolve("pipeline/main.py"));
        assertThat(mainPy.get(Integer.parseInt(failure.group(1)) - 1)).contains("decay = 0.5 / epochs");
        assertThat(result.err()).contains("  record   " + job.toRealPath().resolve("runs"), "/run.log");
    }

    @Test
    void outputsWithinTheDeclaredTolerancePassVerifyButDifferByteForByte() throws Exception {
        Path job = extract(OWN.resolve("linear-fit.ipynb"), work.resolve("linear-fit"), "--tolerance",
                "weights=1e-6");
        CliRunner.Result baseline = CliRunner.run("run", job.toString(), "--python", PYTHON.toString());
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();

        // Other parameters: compared with the first run on purpose (a plain verify only compares runs
        // asked to compute the same thing).
        String first = runIds(job).get(0);
        CliRunner.Result nudged = CliRunner.run("verify", job.toString(), "--python", PYTHON.toString(), "--param",
                "learning_rate=0.05000001", "--against", first);
        assertThat(nudged.exitCode()).as(nudged.out() + nudged.err()).isZero();
        assertThat(nudged.out()).contains("  weights  within tolerance (max abs diff ", "param learning_rate",
                "verify passed");

        // The same two runs, judged byte for byte.
        Path yaml = job.resolve("lockstep.yaml");
        String config = Files.readString(yaml);
        String bytes = config.replaceFirst("(weights: \\{path: [^,]+, compare: )\\{[^}]*\\}", "$1bytes");
        assertThat(bytes).isNotEqualTo(config);
        Files.writeString(yaml, bytes);
        List<String> runs = runIds(job);
        CliRunner.Result exact = CliRunner.run("verify", job.toString(), "--runs", runs.get(0), runs.get(1));
        assertThat(exact.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(exact.out()).contains("  weights  different (bytes differ", "verify failed");
    }

    // ---- helpers ----

    /** {@code lockstep extract NOTEBOOK -o DIR FLAGS...}; written with or without blockers. */
    private static Path extract(Path notebook, Path job, String... flags) throws IOException {
        List<String> args = new ArrayList<>(List.of("extract", notebook.toString(), "-o", job.toString()));
        args.addAll(List.of(flags));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.out() + result.err()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
        assertThat(job.resolve("lib/lockstep-runtime.jar")).isRegularFile();
        return job.toRealPath();
    }

    private static String runId(CliRunner.Result result) {
        Matcher matcher = RUN_ID.matcher(result.out());
        assertThat(matcher.find()).as(result.out()).isTrue();
        return matcher.group(1);
    }

    private static List<String> runIds(Path job) throws IOException {
        try (Stream<Path> runs = Files.list(job.resolve("runs"))) {
            return runs.map(run -> run.getFileName().toString()).sorted().toList();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A process run to completion in {@code directory}, with this process's environment. */
    record Launch(int exitCode, String out, String err) {

        static Launch of(Path directory, String... command) throws Exception {
            Path stdout = Files.createTempFile(work, "launch", ".out");
            Path stderr = Files.createTempFile(work, "launch", ".err");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + List.of(command));
            }
            return new Launch(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }
}
