package dev.lockstep.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.runtime.record.RunHistory;
import dev.lockstep.runtime.testing.JobFixture;
import dev.lockstep.runtime.testing.SystemPython;
import dev.lockstep.runtime.testing.TestCaller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {

  @TempDir Path temp;

  @BeforeAll
  static void needsNumpy() {
    SystemPython.requireNumpy();
  }

  @Test
  void runPrintsASummaryAndExitsZero() {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp);

    int exit = Main.run(List.of("run", "job", "--param", "steps=2", "--python=/usr/bin/python3"), caller.context());

    assertThat(exit).as(caller.err()).isZero();
    assertThat(caller.out()).containsPattern("run \\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8} succeeded in \\d+\\.\\d s")
        .contains("  record  " + job.resolve("runs"))
        .containsPattern("  samples  out/nested/samples.npy  sha256 [0-9a-f]{12}…  \\d+ bytes");
  }

  @Test
  void aFailedJobExitsOneWithTheCell() {
    JobFixture.copy("failing", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp).with("LOCKSTEP_TEST_TOKEN", "t0k3n-value");

    int exit = Main.run(List.of("run", "job"), caller.context());

    assertThat(exit).isEqualTo(1);
    assertThat(caller.err()).contains("lockstep: job failed in notebook cell 7 (id 3f2a1c9e), pipeline/main.py line 21: "
        + "ZeroDivisionError: division by zero").contains("run.log");
  }

  @Test
  void verifyPrintsTheReportAndExitsByTheVerdict() throws Exception {
    JobFixture.copy("tolerance", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp);
    assertThat(Main.run(List.of("run", "job"), caller.context())).isZero();

    assertThat(Main.run(List.of("verify", "job"), caller.context())).isZero();
    assertThat(caller.out()).contains("verify passed: 6 outputs identical or within tolerance");

    // A run with other parameters is compared with on purpose only.
    assertThat(Main.run(List.of("verify", "job", "--param", "jitter=1e-7"), caller.context())).isEqualTo(2);
    assertThat(caller.err()).contains("no successful run in runs/ was asked to compute the same thing");
    String first = new RunHistory(temp.resolve("job")).runIds().get(0);
    assertThat(Main.run(List.of("verify", "job", "--param", "jitter=1e-7", "--against", first), caller.context())).isEqualTo(1);
    assertThat(caller.out()).contains("weights_exact  different (bytes differ").contains("verify failed: 1 of 6 outputs different")
        .contains("(baseline: named with --against)");
  }

  @Test
  void hintsUseTheSyntaxOfTheFrontEndThatCalled() throws Exception {
    Path job = JobFixture.copy("deterministic", temp.resolve("job"));
    Files.writeString(job.resolve("data/numbers.csv"), "changed\n");
    TestCaller viaJar = TestCaller.in(temp);
    assertThat(Main.run(List.of("run", "job"), viaJar.context().via(FrontEnd.runtimeJar()))).isEqualTo(1);
    assertThat(viaJar.err()).contains("bind another one: --input numbers=PATH");

    TestCaller viaRunJob = TestCaller.in(temp);
    assertThat(Main.run(List.of("run", "job", "--front-end=run-job"), viaRunJob.context())).isEqualTo(1);
    assertThat(viaRunJob.err()).contains("bind another one: --numbers PATH").doesNotContain("--input");
  }

  @Test
  void verifyRunsComparesRecordedRunsWithoutRunning() throws Exception {
    Path job = JobFixture.copy("tolerance", temp.resolve("job"));
    TestCaller caller = TestCaller.in(temp);
    Main.run(List.of("run", "job"), caller.context());
    Main.run(List.of("run", "job", "--param", "jitter=0.5"), caller.context());
    List<String> runs = new RunHistory(job).runIds();

    int exit = Main.run(List.of("verify", "job", "--runs", runs.get(0), runs.get(1)), caller.context());

    assertThat(exit).isEqualTo(1);
    assertThat(caller.out()).contains("compared run " + runs.get(1) + " with baseline " + runs.get(0));
    assertThat(new RunHistory(job).runIds()).hasSize(2);
  }

  @Test
  void helpPrintsUsage() {
    TestCaller caller = TestCaller.in(temp);

    assertThat(Main.run(List.of("--help"), caller.context())).isZero();
    assertThat(caller.out()).startsWith("usage: java -jar lockstep-runtime.jar run DIR [options]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      build job                          | lockstep: unknown command build; expected run or verify
      run                                | lockstep: run needs the job directory: run DIR
      run job other                      | lockstep: expected one job directory, got job other
      run job --verbose                  | lockstep: unknown option --verbose
      run job --param                    | lockstep: --param needs a value
      run job --param epochs             | lockstep: --param expects NAME=VALUE, got epochs
      run job --param a=1 --param a=2    | lockstep: --param a is given twice
      run job --against x                | lockstep: --against is an option of verify, not run
      verify job --runs a                | lockstep: --runs needs two run ids: --runs BASELINE CANDIDATE
      verify job --runs a b --param x=1  | lockstep: --runs compares two recorded runs and runs nothing; it takes no other options
      run missing-dir                    | lockstep: not a job directory: missing-dir (it does not exist or is not a directory)
      """)
  void badUsageExitsTwo(String arguments, String message) {
    TestCaller caller = TestCaller.in(temp);

    int exit = Main.run(List.of(arguments.split(" ")), caller.context());

    assertThat(exit).isEqualTo(2);
    assertThat(caller.err()).startsWith(message + "\n");
  }

  @Test
  void aBadConfigExitsTwoWithKeyAndLine() {
    Path job = temp.resolve("job");
    JobFixture.write(job.resolve("lockstep.yaml"), "version: 1\nseed: 0\nparams:\n  epochs: [five]\n");
    TestCaller caller = TestCaller.in(temp);

    assertThat(Main.run(List.of("run", "job"), caller.context())).isEqualTo(2);
    assertThat(caller.err()).isEqualTo(
        "lockstep: lockstep.yaml:4: params.epochs: expected a scalar (integer, float, boolean or string), got a list\n");
  }
}
