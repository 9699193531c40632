package dev.lockstep.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.runtime.compare.ComparisonReport;
import dev.lockstep.runtime.compare.Drift;
import dev.lockstep.runtime.compare.OutputVerdict.Verdict;
import dev.lockstep.runtime.compare.OutputVerdict;
import dev.lockstep.runtime.compare.RunComparison;
import dev.lockstep.runtime.record.RunHistory;
import dev.lockstep.runtime.testing.JobFixture;
import dev.lockstep.runtime.testing.SystemPython;
import dev.lockstep.runtime.testing.TestCaller;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tolerance job writes the same numbers as .npy, stored and deflated .npz, .safetensors
 * (f32, bf16, f16, i64) and .json; its "jitter" parameter nudges them, so two runs differ
 * slightly (or a lot) in every format at once.
 */
class VerifierTest {

  @TempDir Path temp;
  private Path job;
  private TestCaller caller;
  private RunOutcome baseline;

  @BeforeAll
  static void needsNumpy() {
    SystemPython.requireNumpy();
  }

  @BeforeEach
  void runBaseline() throws Exception {
    job = JobFixture.copy("tolerance", temp.resolve("job"));
    caller = TestCaller.in(temp);
    baseline = new JobRunner(caller.context()).run(RunRequest.of(job));
    assertThat(baseline.succeeded()).as(caller.err()).isTrue();
  }

  @Test
  void slightlyDifferentOutputsPassWithinToleranceAndFailByteComparison() throws Exception {
    Verification verification = new Verifier(caller.context())
        .verify(VerifyRequest.of(RunRequest.of(job).withParam("jitter", "1e-7")).against(baseline.runId()));

    RunComparison comparison = verification.comparison().orElseThrow();
    Map<String, OutputVerdict> verdicts = byName(comparison);
    for (String name : new String[] {"weights", "stored", "compressed", "tensors", "metrics"}) {
      assertThat(verdicts.get(name).verdict()).as(name + ": " + verdicts.get(name).describe()).isEqualTo(Verdict.WITHIN_TOLERANCE);
    }
    assertThat(verdicts.get("weights").describe()).matches("within tolerance \\(max abs diff [0-9.e-]+ at index \\[\\d, \\d\\]\\)");
    assertThat(verdicts.get("stored").describe()).contains("at array \"");
    assertThat(verdicts.get("tensors").describe()).contains("at tensor \"w");
    assertThat(verdicts.get("metrics").describe()).containsPattern("at \\$\\.(loss|history\\[0\\]\\.loss)");
    assertThat(verdicts.get("weights_exact").verdict()).isEqualTo(Verdict.DIFFERENT);
    assertThat(verdicts.get("weights_exact").describe()).startsWith("different (bytes differ: sha256 ");
    assertThat(comparison.passed()).isFalse();
    assertThat(verification.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(comparison.baselineRunId()).isEqualTo(baseline.runId());
    assertThat(comparison.drift()).containsExactly(new Drift("param jitter", "0.0", "1.0E-7"));
  }

  @Test
  void largeDifferencesAreReportedWithTheWorstValueAndWhere() throws Exception {
    Verification verification = new Verifier(caller.context())
        .verify(VerifyRequest.of(RunRequest.of(job).withParam("jitter", "0.5")).against(baseline.runId()));

    Map<String, OutputVerdict> verdicts = byName(verification.comparison().orElseThrow());
    assertThat(verdicts.values()).allSatisfy(verdict -> assertThat(verdict.verdict()).isEqualTo(Verdict.DIFFERENT));
    assertThat(verdicts.get("weights").describe())
        .matches("different \\(max abs diff 0\\.5 at index \\[\\d, \\d\\] \\(.+ vs baseline .+\\); 12 of 12 values outside atol=1e-05, rtol=0\\)");
    assertThat(verdicts.get("tensors").describe()).contains("at tensor \"w");
    assertThat(verdicts.get("metrics").describe()).contains("max abs diff 0.5 at $.");
    assertThat(ComparisonReport.render(verification.comparison().get()))
        .contains("verify failed: 6 of 6 outputs different")
        .contains("drift between the runs:\n  param jitter: 0.0 -> 0.5\n");
  }

  @Test
  void anIdenticalRerunPasses() throws Exception {
    Verification verification = new Verifier(caller.context()).verify(VerifyRequest.of(RunRequest.of(job)));

    RunComparison comparison = verification.comparison().orElseThrow();
    assertThat(comparison.outputs()).allSatisfy(verdict -> assertThat(verdict.verdict()).isEqualTo(Verdict.IDENTICAL));
    assertThat(comparison.drift()).isEmpty();
    assertThat(verification.exitCode()).isEqualTo(ExitCode.SUCCESS);
    assertThat(ComparisonReport.render(comparison)).contains("  weights_exact  identical\n")
        .contains("no drift").endsWith("verify passed: 6 outputs identical or within tolerance\n");
  }

  @Test
  void comparesTwoRecordedRunsWithoutRunning() throws Exception {
    TestCaller otherShell = TestCaller.in(temp).with("PYTHONLOCKSTEPTEST", "1");
    RunOutcome nudged = new JobRunner(otherShell.context()).run(RunRequest.of(job).withParam("jitter", "1e-7"));
    int runsBefore = new RunHistory(job).runIds().size();

    RunComparison comparison = new Verifier(caller.context()).compareRuns(job, baseline.runId(), nudged.runId());

    assertThat(new RunHistory(job).runIds()).hasSize(runsBefore);
    assertThat(comparison.candidateRunId()).isEqualTo(nudged.runId());
    assertThat(byName(comparison).get("weights").verdict()).isEqualTo(Verdict.WITHIN_TOLERANCE);
    assertThat(byName(comparison).get("weights_exact").verdict()).isEqualTo(Verdict.DIFFERENT);
    assertThat(comparison.drift()).containsExactly(
        new Drift("param jitter", "0.0", "1.0E-7"), new Drift("inherited environment PYTHONLOCKSTEPTEST", "absent", "1"));
  }

  @Test
  void comparesAgainstANamedRunOrTheNewestSuccessfulOne() throws Exception {
    RunOutcome second = new JobRunner(caller.context()).run(RunRequest.of(job).withParam("jitter", "0.5"));
    Verifier verifier = new Verifier(caller.context());

    Verification againstFirst = verifier.verify(VerifyRequest.of(RunRequest.of(job)).against(baseline.runId()));
    Verification againstNewest = verifier.verify(VerifyRequest.of(RunRequest.of(job)));

    assertThat(againstFirst.baselineRunId()).isEqualTo(baseline.runId());
    assertThat(againstFirst.passed()).isTrue();
    assertThat(againstNewest.baselineRunId()).isEqualTo(againstFirst.run().runId()).isNotEqualTo(second.runId());
  }

  @Test
  void aOneOffVerifyWithOtherParametersIsNeverThePlainVerifysBaseline() throws Exception {
    Verifier verifier = new Verifier(caller.context());
    Verification oneOff = verifier.verify(VerifyRequest.of(RunRequest.of(job).withParam("jitter", "0.5")).against(baseline.runId()));
    assertThat(oneOff.passed()).isFalse();

    Verification plain = verifier.verify(VerifyRequest.of(RunRequest.of(job)));

    assertThat(plain.baselineRunId()).isEqualTo(baseline.runId()).isNotEqualTo(oneOff.run().runId());
    assertThat(plain.passed()).isTrue();
    assertThat(ComparisonReport.render(plain.comparison().orElseThrow()))
        .contains("(baseline: the newest successful run with the same parameters, inputs and seed)");
  }

  @Test
  void refusesWhenNoRunWasAskedToComputeTheSameThing() throws Exception {
    Verifier verifier = new Verifier(caller.context());

    assertThatThrownBy(() -> verifier.verify(VerifyRequest.of(RunRequest.of(job).withParam("jitter", "0.25"))))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("no successful run in runs/ was asked to compute the same thing as this one")
        .hasMessageContaining("parameters")
        .hasMessageContaining("--against RUN");
  }

  @Test
  void needsABaseline(@TempDir Path other) throws Exception {
    Path fresh = JobFixture.copy("tolerance", other.resolve("job"));

    assertThatThrownBy(() -> new Verifier(caller.context()).verify(VerifyRequest.of(RunRequest.of(fresh))))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage("no successful run to compare with in runs/; run the job first (lockstep run " + fresh
            + "), or name one with --against RUN");
    assertThatThrownBy(() -> new Verifier(caller.context()).compareRuns(job, baseline.runId(), "20990101T000000.000Z-nope"))
        .hasMessage("no recorded run 20990101T000000.000Z-nope in " + job.toRealPath().resolve("runs")
            + "; newest runs: " + baseline.runId());
  }

  @Test
  void aCandidateThatFailsHasNothingToCompare() throws Exception {
    JobFixture.write(job.resolve("pipeline/main.py"), "# %% cell 1 (id 00000001)\nraise SystemExit('broken')\n");

    Verification verification = new Verifier(caller.context()).verify(VerifyRequest.of(RunRequest.of(job)));

    assertThat(verification.run().succeeded()).isFalse();
    assertThat(verification.comparison()).isEmpty();
    assertThat(verification.exitCode()).isEqualTo(ExitCode.FAILURE);
  }

  private static Map<String, OutputVerdict> byName(RunComparison comparison) {
    return comparison.outputs().stream().collect(Collectors.toMap(OutputVerdict::output, verdict -> verdict));
  }
}
