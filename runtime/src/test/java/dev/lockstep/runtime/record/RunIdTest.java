package dev.lockstep.runtime.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdTest {

  @Test
  void runsInOneMillisecondGetDistinctDirectoriesThatSortByTime(@TempDir Path job) throws Exception {
    Instant instant = Instant.parse("2026-11-27T10:15:00.123Z");

    Path first = RunId.createRunDirectory(job, instant, "ab".repeat(32));
    Path second = RunId.createRunDirectory(job, instant, "ab".repeat(32));
    Path later = RunId.createRunDirectory(job, instant.plusMillis(1), "00".repeat(32));

    assertThat(first.getFileName()).hasToString("20261127T101500.123Z-abababab");
    assertThat(second.getFileName()).hasToString("20261127T101500.123Z-abababab-2");
    assertThat(first.getParent()).isEqualTo(job.resolve("runs"));
    assertThat(new RunHistory(job).runIds()).isEmpty(); // no record.json yet: not a run
    assertThat(later.getFileName().toString()).isGreaterThan(second.getFileName().toString());
  }
}
