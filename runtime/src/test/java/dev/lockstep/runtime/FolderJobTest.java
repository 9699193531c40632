package dev.lockstep.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.jobformat.hash.HashManifest;
import dev.lockstep.runtime.compare.ComparisonReport;
import dev.lockstep.runtime.compare.LogVerdict;
import dev.lockstep.runtime.compare.OutputVerdict.Verdict;
import dev.lockstep.runtime.compare.RunComparison;
import dev.lockstep.runtime.compare.text.VolatileText;
import dev.lockstep.runtime.record.RunRecord;
import dev.lockstep.runtime.testing.JobFixture;
import dev.lockstep.runtime.testing.SystemPython;
import dev.lockstep.runtime.testing.TestCaller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job with a folder input (hashed by its manifest) and a folder output (compared file by file),
 * run with the real python3; and the printed output compared with volatile parts masked.
 */
class FolderJobTest {

  @TempDir Path temp;
  private Path job;
  private TestCaller caller;
  private RunOutcome first;

  @BeforeAll
  static void needsNumpy() {
    SystemPython.requireNumpy();
  }

  @BeforeEach
  void runOnce() throws Exception {
    job = JobFixture.copy("folders", temp.resolve("job"));
    caller = TestCaller.in(temp);
    first = new JobRunner(caller.context()).run(RunRequest.of(job));
    assertThat(first.succeeded()).as(caller.err()).isTrue();
  }

  @Test
  void aFolderInputIsVerifiedByItsManifestAndAFolderOutputRecordedByItsManifest() throws Exception {
    RunRecord.Input sensors = first.record().inputs().get("sensors");
    assertThat(sensors.sha256()).isEqualTo("66ebca370dab97b74da943b2b841cc3d67cf912425cc1580f0e5a6980b13d650")
        .isEqualTo(HashManifest.ofFolder(job.resolve("data/sensors")));
    assertThat(sensors.size()).isEqualTo(Files.size(job.resolve("data/sensors/part-000.csv"))
        + Files.size(job.resolve("data/sensors/part-001.csv")) + Files.size(job.resolve("data/sensors/2026/part-002.csv")));
    RunRecord.Output model = first.record().outputs().get("model");
    assertThat(model.sha256()).isEqualTo(HashManifest.ofFolder(first.runDirectory().resolve("out/model")));
    assertThat(caller.out()).contains("read 3 parts, 5 values");
  }

  @Test
  void aChangedOrMissingFileInAFolderInputRefusesTheRun() throws Exception {
    Files.writeString(job.resolve("data/sensors/2026/part-002.csv"), "t,v\n4,-1.5\n");
    assertThatThrownBy(() -> new JobRunner(caller.context()).run(RunRequest.of(job)))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
        .hasMessageContaining("input sensors has changed: " + job.toRealPath().resolve("data/sensors"))
        .hasMessageContaining("bind another one: --input sensors=FOLDER");

    Files.delete(job.resolve("data/sensors/2026/part-002.csv"));
    Files.delete(job.resolve("data/sensors/2026"));
    Files.delete(job.resolve("data/sensors/part-000.csv"));
    Files.delete(job.resolve("data/sensors/part-001.csv"));
    Files.delete(job.resolve("data/sensors"));
    Files.writeString(job.resolve("data/sensors"), "not a folder");
    assertThatThrownBy(() -> new JobRunner(caller.context()).run(RunRequest.of(job)))
        .hasMessageContaining("input sensors is missing: " + job.toRealPath().resolve("data/sensors") + " is a file, expected a folder");
  }

  @Test
  void anIdenticalRerunPassesAndItsPrintedOutputIsTheSameOnceVolatilePartsAreMasked() throws Exception {
    Verification verification = new Verifier(caller.context()).verify(VerifyRequest.of(RunRequest.of(job)));

    RunComparison comparison = verification.comparison().orElseThrow();
    assertThat(comparison.outputs()).singleElement().satisfies(v -> assertThat(v.verdict()).isEqualTo(Verdict.IDENTICAL));
    assertThat(comparison.log().verdict()).isEqualTo(LogVerdict.Verdict.SAME_WHEN_MASKED);
    assertThat(comparison.log().masked()).contains(VolatileText.Kind.MEMORY_ADDRESS, VolatileText.Kind.TIMING);
    assertThat(verification.passed()).isTrue();
    assertThat(ComparisonReport.render(comparison))
        .contains("printed output: same when memory address, timing are masked")
        .endsWith("verify passed: 1 output identical or within tolerance\n");
    assertThat(first.record().log().masked()).contains("memory address", "timing");
    assertThat(first.record().log().maskedSha256()).isEqualTo(verification.run().record().log().maskedSha256());
    assertThat(first.record().log().stdoutSha256()).isNotEqualTo(verification.run().record().log().stdoutSha256());
  }

  @Test
  void aFolderOutputIsComparedFileByFile() throws Exception {
    Verifier verifier = new Verifier(caller.context());
    Verification nudged = verifier.verify(VerifyRequest.of(RunRequest.of(job).withParam("factor", "1.0000000000001"))
        .against(first.runId()));
    assertThat(nudged.comparison().orElseThrow().outputs().get(0).describe())
        .startsWith("within tolerance (1 of 3 files identical, 2 within tolerance: config.json within tolerance (max abs diff");
    assertThat(nudged.passed()).isTrue();

    Verification dropped = verifier.verify(VerifyRequest.of(RunRequest.of(job).withParam("drop_notes", "true"))
        .against(first.runId()));
    assertThat(dropped.comparison().orElseThrow().outputs().get(0).describe())
        .isEqualTo("different (missing (only in the baseline): notes.txt)");
    assertThat(dropped.passed()).isFalse();

    Verification scaled = verifier.verify(VerifyRequest.of(RunRequest.of(job).withParam("factor", "2.0"))
        .against(first.runId()));
    assertThat(scaled.comparison().orElseThrow().outputs().get(0).describe())
        .startsWith("different (2 of 3 files differ: config.json different (max abs diff")
        .contains("weights.npy different (max abs diff");
  }

  @Test
  void aDifferenceInPrintedOutputIsReportedAndFailsOnlyWhenTheJobSaysSo() throws Exception {
    Path main = job.resolve("pipeline/main.py");
    Files.writeString(main, Files.readString(main) + "print('one more line')\n");
    Verification reported = new Verifier(caller.context()).verify(VerifyRequest.of(RunRequest.of(job)).against(first.runId()));
    RunComparison comparison = reported.comparison().orElseThrow();
    assertThat(comparison.log().verdict()).isEqualTo(LogVerdict.Verdict.DIFFERENT);
    assertThat(comparison.log().describe()).contains("stdout line 5: \"one more line\" vs baseline (end of output)")
        .contains("reported only");
    assertThat(reported.passed()).isTrue();

    Path yaml = job.resolve("lockstep.yaml");
    Files.writeString(yaml, Files.readString(yaml) + "log: {must_match: true}\n");
    Verification required = new Verifier(caller.context()).verify(VerifyRequest.of(RunRequest.of(job)).against(first.runId()));
    assertThat(required.passed()).isFalse();
    assertThat(required.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(ComparisonReport.render(required.comparison().orElseThrow()))
        .contains("verify failed: the printed output differs and lockstep.yaml says it must match");
  }

  @Test
  void verifyOfAJobWithoutOutputsFailsSayingNothingWasCompared() throws Exception {
    Path yaml = job.resolve("lockstep.yaml");
    Files.writeString(yaml, Files.readString(yaml).replaceAll("outputs:\n.*\n", ""));
    Path main = job.resolve("pipeline/main.py");
    Files.writeString(main, Files.readString(main).replaceAll("(?s)# %% cell 3.*", ""));
    TestCaller viaMain = TestCaller.in(temp);
    Main.run(List.of("run", "job"), viaMain.context());

    int exit = Main.run(List.of("verify", "job"), viaMain.context());

    assertThat(exit).isEqualTo(1);
    assertThat(viaMain.out()).as(viaMain.err()).contains("(lockstep.yaml declares no outputs)")
        .contains("verify failed: nothing was compared").doesNotContain("verify passed");
  }
}
