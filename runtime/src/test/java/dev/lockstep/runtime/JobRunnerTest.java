package dev.lockstep.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.runtime.hashing.JobHash;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.runtime.record.RunRecord;
import dev.lockstep.jobformat.InvalidJobSpecException;
import dev.lockstep.runtime.testing.JobFixture;
import dev.lockstep.runtime.testing.SystemPython;
import dev.lockstep.runtime.testing.TestCaller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real jobs with Debian's python3 (numpy required): no mocks. */
class JobRunnerTest {

  @TempDir Path temp;

  @BeforeAll
  static void needsNumpy() {
    SystemPython.requireNumpy();
  }

  @Test
  void aDeterministicJobRunsTwiceWithIdenticalOutputsAndRecords() throws Exception {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    String jobHashBefore = JobHash.of(job);
    TestCaller caller = TestCaller.in(temp);

    RunOutcome first = new JobRunner(caller.context()).run(RunRequest.of(job));
    RunOutcome second = new JobRunner(caller.context()).run(RunRequest.of(job));

    assertThat(first.succeeded()).as(caller.err()).isTrue();
    assertThat(second.succeeded()).isTrue();
    assertThat(second.runId()).isNotEqualTo(first.runId()).isGreaterThan(first.runId());
    assertThat(first.record().outputs().get("samples").sha256()).isNotNull()
        .isEqualTo(second.record().outputs().get("samples").sha256());
    assertThat(first.record().outputs().get("summary").sha256()).isEqualTo(second.record().outputs().get("summary").sha256());
    // -B: the job directory gets no byte-code cache, so running does not change the job hash
    assertThat(job.resolve("pipeline/__pycache__")).doesNotExist();
    assertThat(first.record().job().sha256()).isEqualTo(jobHashBefore).isEqualTo(JobHash.of(job));

    String firstText = Files.readString(first.recordFile());
    String secondText = Files.readString(second.recordFile());
    assertThat(withoutRunFields(firstText)).isEqualTo(withoutRunFields(secondText));
    assertThat(firstText).endsWith("}\n").doesNotContain("\r");
    assertKeysSorted(CanonicalJson.mapper().readTree(firstText));
    assertThat(JobFixture.filesUnder(first.runDirectory())).noneMatch(file -> file.getFileName().toString().endsWith(".tmp"));
  }

  @Test
  void aSeededTorchTrainingJobSavesIdenticalWeightsTwice() throws Exception {
    SystemPython.requireTorch();
    Path job = JobFixture.copy("torch", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp);

    RunOutcome first = new JobRunner(caller.context()).run(RunRequest.of(job));
    RunOutcome second = new JobRunner(caller.context()).run(RunRequest.of(job));

    assertThat(first.succeeded()).as(caller.err()).isTrue();
    assertThat(second.record().outputs().get("model").sha256()).isEqualTo(first.record().outputs().get("model").sha256());
    assertThat(withoutRunFields(Files.readString(second.recordFile()))).isEqualTo(withoutRunFields(Files.readString(first.recordFile())));
    assertThat(first.record().python().modules().get("torch").version()).isNotBlank();
    assertThat(caller.out()).contains("final loss");
  }

  @Test
  void recordsInfluentialInheritedVariablesButNoSecrets() throws Exception {
    Path job = JobFixture.copy("failing", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp).with("LOCKSTEP_TEST_TOKEN", "tok-abcdef").with("PYTHONWARNINGS", "ignore")
        .with("CUDA_VISIBLE_DEVICES", "").with("HF_TOKEN", "hf_not_recorded").with("TF_VAR_db_password", "pw").with("PYTHONSECRET_ALIAS", "tok-abcdef");

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job).withParam("mode", "none"));

    assertThat(outcome.record().environment().inherited())
        .containsEntry("PYTHONWARNINGS", "ignore").containsEntry("CUDA_VISIBLE_DEVICES", "")
        .doesNotContainKeys("HF_TOKEN", "TF_VAR_db_password", "LOCKSTEP_TEST_TOKEN", "PYTHONSECRET_ALIAS", "OMP_NUM_THREADS", "PATH");
  }

  @Test
  void recordsWhatRanAndWritesTheResolvedConfig() throws Exception {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp);

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job).withParam("steps", "5").withParam("label", "x"));

    RunRecord record = outcome.record();
    assertThat(record.status()).isEqualTo(RunRecord.Status.SUCCEEDED);
    assertThat(record.exitCode()).isZero();
    assertThat(record.failure()).isNull();
    assertThat(record.seed()).isEqualTo(7);
    assertThat(record.params()).containsEntry("steps", 5L).containsEntry("label", "x").containsEntry("scale", 2.5);
    assertThat(record.job().notebook()).isEqualTo("deterministic.ipynb");
    assertThat(record.job().notebookSha256()).startsWith("f2b660f3");
    RunRecord.Input input = record.inputs().get("numbers");
    assertThat(input.sha256()).isEqualTo(JobFixture.sha256(job.resolve("data/numbers.csv")));
    assertThat(input.boundBy()).isEqualTo("lockstep.yaml");
    assertThat(input.path()).isEqualTo(job.toRealPath().resolve("data/numbers.csv").toString());
    assertThat(record.environment().variables())
        .containsEntry("PYTHONHASHSEED", "0").containsEntry("OMP_NUM_THREADS", "1").containsEntry("MKL_NUM_THREADS", "1")
        .containsEntry("OPENBLAS_NUM_THREADS", "1").doesNotContainKey("LOCKSTEP_CONFIG");
    assertThat(record.python().command()).isEqualTo("/usr/bin/python3");
    assertThat(record.python().version()).startsWith("3.");
    assertThat(record.python().modules().get("numpy").version()).matches("\\d+\\.\\d+.*");
    assertThat(record.python().modules()).containsKey("helpers");
    assertThat(record.hardware().cpu().count()).isPositive();
    assertThat(record.hardware().declared()).isEqualTo(new RunRecord.Declared("cpu", 0));
    assertThat(record.outputs().get("samples").path()).isEqualTo("out/nested/samples.npy");
    assertThat(record.outputs().get("samples").size()).isEqualTo(Files.size(outcome.runDirectory().resolve("out/nested/samples.npy")));

    JsonNode config = CanonicalJson.mapper().readTree(outcome.runDirectory().resolve("config.json").toFile());
    assertThat(config.get("seed").asLong()).isEqualTo(7);
    assertThat(config.get("params").get("steps").isIntegralNumber()).isTrue();
    assertThat(config.get("params").get("scale").asDouble()).isEqualTo(2.5);
    assertThat(config.get("inputs").get("numbers").asText()).isEqualTo(input.path());
    assertThat(config.get("outputs").get("samples").asText())
        .isEqualTo(outcome.runDirectory().resolve("out/nested/samples.npy").toString());
    assertKeysSorted(config);

    JsonNode summary = CanonicalJson.mapper().readTree(outcome.runDirectory().resolve("out/summary.json").toFile());
    assertThat(summary.get("hash_seed").asText()).isEqualTo("0");
  }

  @Test
  void streamsTheJobsOutputToTheCallerAndTheLog() throws Exception {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp);

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job));

    assertThat(caller.out()).contains("read 4 rows", "done");
    assertThat(caller.err()).contains("threads 1").contains("lockstep: run " + outcome.runId() + " with /usr/bin/python3");
    assertThat(Files.readString(outcome.logFile())).contains("read 4 rows", "threads 1", "done");
  }

  @Test
  void refusesToRunWhenAnInputByteChanged() throws Exception {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    Path numbers = job.resolve("data/numbers.csv");
    String expected = JobFixture.sha256(numbers);
    byte[] bytes = Files.readAllBytes(numbers);
    bytes[3] = (byte) (bytes[3] + 1);
    Files.write(numbers, bytes);

    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).context()).run(RunRequest.of(job)))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
        .hasMessageContaining("input numbers has changed: " + numbers.toRealPath())
        .hasMessageContaining("expected sha256 " + expected)
        .hasMessageContaining("actual   sha256 " + JobFixture.sha256(numbers));
    assertThat(job.resolve("runs")).doesNotExist();
  }

  @Test
  void refusesToRunWhenAnInputIsMissing() throws Exception {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    Files.delete(job.resolve("data/numbers.csv"));

    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).context()).run(RunRequest.of(job)))
        .isInstanceOf(JobException.class)
        .hasMessageContaining("input numbers is missing: " + job.toRealPath().resolve("data/numbers.csv"))
        .hasMessageContaining("expected sha256 ");
  }

  @Test
  void anUnboundInputMustBeBoundOnTheCommandLine() throws Exception {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    Path yaml = job.resolve("lockstep.yaml");
    Files.writeString(yaml, Files.readString(yaml).replaceAll("(numbers: \\{path: data/numbers.csv, sha256: )[0-9a-f]{64}", "$1~"));

    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).context()).run(RunRequest.of(job)))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage("input numbers has sha256: ~ in lockstep.yaml (it was not bound when the job was extracted); "
            + "bind it with --input numbers=PATH");

    Path other = JobFixture.write(temp.resolve("elsewhere/other.csv"), "x,y\n1,1.0\n");
    RunOutcome outcome = new JobRunner(TestCaller.in(temp).context())
        .run(RunRequest.of(job).withInput("numbers", Path.of("elsewhere/other.csv")));

    assertThat(outcome.succeeded()).isTrue();
    RunRecord.Input input = outcome.record().inputs().get("numbers");
    assertThat(input.boundBy()).isEqualTo("--input");
    assertThat(input.path()).isEqualTo(other.toString());
    assertThat(input.sha256()).isEqualTo(JobFixture.sha256(other));
  }

  @Test
  void rejectsUnknownOrIllTypedOverrides() throws Exception {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    JobRunner runner = new JobRunner(TestCaller.in(temp).context());

    assertThatThrownBy(() -> runner.run(RunRequest.of(job).withParam("steps", "five")))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage("--param steps=five: expected an integer, got \"five\" (lockstep.yaml declares steps: 3)");
    assertThatThrownBy(() -> runner.run(RunRequest.of(job).withParam("shuffle", "maybe")))
        .hasMessageContaining("--param shuffle=maybe: expected a boolean (true or false), got \"maybe\"");
    assertThatThrownBy(() -> runner.run(RunRequest.of(job).withParam("scale", "big")))
        .hasMessageContaining("--param scale=big: expected a float, got \"big\"");
    assertThatThrownBy(() -> runner.run(RunRequest.of(job).withParam("stepz", "5")))
        .hasMessage("--param stepz: unknown parameter; lockstep.yaml declares label, scale, shuffle, steps");
    assertThatThrownBy(() -> runner.run(RunRequest.of(job).withInput("numberz", Path.of("x"))))
        .hasMessage("--input numberz: unknown input; lockstep.yaml declares numbers");
    assertThat(job.resolve("runs")).doesNotExist();
  }

  @Test
  void reportsAnInvalidConfigWithKeyAndLine() throws Exception {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    Path yaml = job.resolve("lockstep.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("  steps: 3", "  steps: [3]"));

    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).context()).run(RunRequest.of(job)))
        .isInstanceOf(JobException.class)
        .hasCauseInstanceOf(InvalidJobSpecException.class)
        .hasMessage("lockstep.yaml:7: params.steps: expected a scalar (integer, float, boolean or string), got a list");
  }

  @Test
  void aJobThatRaisesReportsTheNotebookCell() throws Exception {
    Path job = JobFixture.copy("failing", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp).with("LOCKSTEP_TEST_TOKEN", "tok-123456");

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job));

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(outcome.failureMessage()).contains(
        "job failed in notebook cell 7 (id 3f2a1c9e), pipeline/main.py line 21: ZeroDivisionError: division by zero");
    RunRecord.Failure failure = outcome.record().failure();
    assertThat(failure.notebookCell()).isEqualTo(7);
    assertThat(failure.cellId()).isEqualTo("3f2a1c9e");
    assertThat(failure.mainPyLine()).isEqualTo(21);
    assertThat(failure.exception()).isEqualTo("ZeroDivisionError: division by zero");
    assertThat(outcome.record().exitCode()).isEqualTo(1);
    assertThat(outcome.record().status()).isEqualTo(RunRecord.Status.FAILED);
    assertThat(outcome.recordFile()).exists();
    assertThat(Files.readString(outcome.logFile())).contains("Traceback (most recent call last)", "ZeroDivisionError");
  }

  @Test
  void aFailureInsideALibraryIsPinnedToTheCallingCell() throws Exception {
    Path job = JobFixture.copy("failing", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp).with("LOCKSTEP_TEST_TOKEN", "tok-123456");

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job).withParam("mode", "library"));

    // The last main.py frame is inside parse(), which cell 2 defines.
    assertThat(outcome.failureMessage().orElseThrow())
        .startsWith("job failed in notebook cell 2 (id 11aa22bb), pipeline/main.py line 16: json.decoder.JSONDecodeError: ");
  }

  @Test
  void aJobThatExitsWithoutATracebackReportsTheExitCode() throws Exception {
    Path job = JobFixture.copy("failing", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp).with("LOCKSTEP_TEST_TOKEN", "tok-123456");

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job).withParam("mode", "exit"));

    assertThat(outcome.record().exitCode()).isEqualTo(3);
    assertThat(outcome.failureMessage()).contains("job failed with exit code 3 (no Python traceback in pipeline/main.py)");
  }

  @Test
  void aMissingOutputAfterSuccessIsAnErrorNamingIt() throws Exception {
    Path job = JobFixture.copy("failing", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp).with("LOCKSTEP_TEST_TOKEN", "tok-123456");

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job).withParam("mode", "missing"));

    assertThat(outcome.record().exitCode()).isZero();
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.failureMessage()).contains("the job exited 0 but did not write output result (out/result.txt)");
    assertThat(outcome.record().failure().missingOutputs()).containsExactly("result");
    assertThat(outcome.record().outputs().get("result")).isEqualTo(new RunRecord.Output("out/result.txt", null, null));
  }

  @Test
  void aMissingSecretIsAnErrorNamingIt() throws Exception {
    Path job = JobFixture.copy("failing", temp.resolve("job"));

    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).without("LOCKSTEP_TEST_TOKEN").context()).run(RunRequest.of(job)))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage("secret LOCKSTEP_TEST_TOKEN is not set; lockstep.yaml lists it under secrets, so set it in the environment before running");
    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).with("LOCKSTEP_TEST_TOKEN", "").context()).run(RunRequest.of(job)))
        .hasMessage("secret LOCKSTEP_TEST_TOKEN is set but empty; a secret must have a value");
    assertThat(job.resolve("runs")).doesNotExist();
  }

  @Test
  void aSecretValueNeverReachesAFileUnderRunsOrTheCallersOutput() throws Exception {
    Path job = JobFixture.copy("failing", temp.resolve("job"));
    String secret = "hf_SuperSecretValue42";
    TestCaller caller = TestCaller.in(temp).with("LOCKSTEP_TEST_TOKEN", secret);

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job).withParam("mode", "none"));

    assertThat(outcome.succeeded()).as(caller.err()).isTrue();
    assertThat(caller.out()).contains("the token is ***", "token length " + secret.length()).doesNotContain(secret);
    assertThat(caller.err()).contains("token again on stderr: ***").doesNotContain(secret);
    List<Path> files = JobFixture.filesUnder(job.resolve("runs"));
    assertThat(files).extracting(file -> file.getFileName().toString()).contains("record.json", "run.log", "config.json");
    for (Path file : files) {
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(secret);
    }
    assertThat(outcome.record().environment().secrets()).containsExactly("LOCKSTEP_TEST_TOKEN");
  }

  /** The record with run id and timings blanked: what must repeat exactly. */
  private static String withoutRunFields(String recordText) throws Exception {
    ObjectNode record = (ObjectNode) CanonicalJson.mapper().readTree(recordText);
    record.remove("runId");
    record.remove("timing");
    return CanonicalJson.write(record);
  }

  private static void assertKeysSorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      assertThat(names).isSorted();
      node.elements().forEachRemaining(JobRunnerTest::assertKeysSorted);
    } else if (node.isArray()) {
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        assertKeysSorted(it.next());
      }
    }
  }
}
