package dev.lockstep.runtime.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.jobformat.HardwareSpec;
import dev.lockstep.runtime.testing.JobFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareProbeTest {

  @Test
  void readsModelAndCountFromCpuinfo() {
    String cpuinfo = "processor\t: 0\nmodel name\t: AMD EPYC 7R13\nflags\t: fpu\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7R13\n";

    assertThat(HardwareProbe.parseCpuinfo(cpuinfo)).isEqualTo(new CpuInfo("AMD EPYC 7R13", 2));
  }

  @Test
  void fallsBackToTheHardwareLineOnArm() {
    assertThat(HardwareProbe.parseCpuinfo("processor : 0\nHardware : BCM2835\n").model()).isEqualTo("BCM2835");
  }

  private static final String QUERY = "NVIDIA H100 80GB HBM3, 550.54.15\nNVIDIA H100 80GB HBM3, 550.54.15\n";
  private static final String HEADER = String.join("\n",
      "+-----------------------------------------------------------------------------------------+",
      "| NVIDIA-SMI 550.54.15              Driver Version: 550.54.15      CUDA Version: 12.4     |",
      "|-----------------------------------------+------------------------+----------------------+");

  @Test
  void parsesNvidiaSmi() {
    assertThat(HardwareProbe.parseGpus(QUERY, HEADER)).contains(
        new GpuInfo(2, List.of("NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM3"), "550.54.15", "12.4"));
    assertThat(HardwareProbe.parseGpus("\n", HEADER)).isEmpty();
  }

  /** nvidia-smi stands in for a GPU machine: a script on PATH that prints what the real one does. */
  @Test
  void asksNvidiaSmiOnThePath(@TempDir Path bin) throws Exception {
    JobFixture.script(bin.resolve("nvidia-smi"), "#!/bin/sh\nif [ \"$1\" = \"--query-gpu=name,driver_version\" ]; then\n"
        + "printf '%s' '" + QUERY + "'\nelse\nprintf '%s\\n' '" + HEADER + "'\nfi\n");

    MachineHardware machine = new HardwareProbe(Map.of("PATH", bin + ":/usr/bin:/bin")).probe();

    assertThat(machine.gpuCount()).isEqualTo(2);
    assertThat(machine.gpu().cudaVersion()).isEqualTo("12.4");
    assertThat(machine.gpu().driverVersion()).isEqualTo("550.54.15");
  }

  @Test
  void describesGpuMismatches() {
    MachineHardware withGpu = new MachineHardware(new CpuInfo("x", 1), new GpuInfo(1, List.of("NVIDIA H100"), "550.1", "12.4"));
    MachineHardware withoutGpu = new MachineHardware(new CpuInfo("x", 1), null);
    HardwareSpec cuda2 = new HardwareSpec(HardwareSpec.Accelerator.CUDA, 2);
    HardwareSpec cpu = new HardwareSpec(HardwareSpec.Accelerator.CPU, 0);

    assertThat(HardwareCheck.mismatches(cuda2, withGpu))
        .containsExactly("lockstep.yaml declares hardware cuda x2, but this machine has 1 NVIDIA GPU (NVIDIA H100)");
    assertThat(HardwareCheck.mismatches(cpu, withGpu)).singleElement().asString()
        .startsWith("lockstep.yaml declares hardware cpu, but this machine has 1 NVIDIA GPU (NVIDIA H100)");
    assertThat(HardwareCheck.mismatches(cpu, withoutGpu)).isEmpty();
  }
}
