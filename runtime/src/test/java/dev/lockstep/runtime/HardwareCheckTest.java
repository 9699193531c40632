package dev.lockstep.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.runtime.hardware.HardwareProbe;
import dev.lockstep.runtime.hardware.MachineHardware;
import dev.lockstep.runtime.testing.JobFixture;
import dev.lockstep.runtime.testing.TestCaller;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declares hardware this machine does not have (cuda when it has no GPU, cpu when it has one),
 * so the mismatch is real wherever the test runs.
 */
class HardwareCheckTest {

  @TempDir Path temp;
  private Path job;
  private String expectedWarning;

  @BeforeEach
  void writeJobForOtherHardware() {
    MachineHardware machine = new HardwareProbe(System.getenv()).probe();
    String declared = machine.gpuCount() == 0 ? "{accelerator: cuda, count: 1}" : "{accelerator: cpu, count: 0}";
    expectedWarning = machine.gpuCount() == 0
        ? "lockstep.yaml declares hardware cuda x1, but this machine has no NVIDIA GPU"
        : "lockstep.yaml declares hardware cpu, but this machine has " + machine.gpuCount() + " NVIDIA GPU";
    job = temp.resolve("job");
    JobFixture.write(job.resolve("lockstep.yaml"), "version: 1\nseed: 0\nhardware: " + declared + "\n");
    JobFixture.write(job.resolve("pipeline/main.py"), "print('ran')\n");
  }

  @Test
  void aMismatchIsAWarningInTheRecordAndOnStderr() throws Exception {
    TestCaller caller = TestCaller.in(temp);

    RunOutcome outcome = new JobRunner(caller.context()).run(RunRequest.of(job));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.record().hardware().warnings()).singleElement().asString().startsWith(expectedWarning);
    assertThat(caller.err()).contains("lockstep: warning: " + expectedWarning);
  }

  @Test
  void aMismatchStopsTheRunWithStrictHardware() {
    assertThatThrownBy(() -> new JobRunner(TestCaller.in(temp).context()).run(RunRequest.of(job).withStrictHardware(true)))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE))
        .hasMessageStartingWith(expectedWarning)
        .hasMessageEndingWith("not run (--strict-hardware)");
    assertThat(job.resolve("runs")).doesNotExist();
  }
}
