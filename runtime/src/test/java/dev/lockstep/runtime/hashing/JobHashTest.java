package dev.lockstep.runtime.hashing;

import dev.lockstep.jobformat.hash.Sha256;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.runtime.testing.JobFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobHashTest {

  @TempDir Path job;

  @Test
  void coversTheConfigAndPipelineInPathOrder() throws Exception {
    JobFixture.write(job.resolve("lockstep.yaml"), "version: 1\nseed: 0\n");
    JobFixture.write(job.resolve("pipeline/main.py"), "print(1)\n");
    JobFixture.write(job.resolve("pipeline/lib/util.py"), "X = 1\n");
    JobFixture.write(job.resolve("README.md"), "not hashed\n");

    assertThat(JobHash.manifest(job)).isEqualTo(
        Sha256.of("version: 1\nseed: 0\n".getBytes()) + "  lockstep.yaml\n"
            + Sha256.of("X = 1\n".getBytes()) + "  pipeline/lib/util.py\n"
            + Sha256.of("print(1)\n".getBytes()) + "  pipeline/main.py\n");
  }

  @Test
  void ignoresByteCodeCachesAndChangesWithTheCode() throws Exception {
    JobFixture.write(job.resolve("lockstep.yaml"), "version: 1\nseed: 0\n");
    JobFixture.write(job.resolve("pipeline/main.py"), "print(1)\n");
    String before = JobHash.of(job);

    JobFixture.write(job.resolve("pipeline/__pycache__/helpers.cpython-311.pyc"), "cache");
    JobFixture.write(job.resolve("runs/x/record.json"), "{}");
    assertThat(JobHash.of(job)).isEqualTo(before);

    JobFixture.write(job.resolve("pipeline/main.py"), "print(2)\n");
    assertThat(JobHash.of(job)).isNotEqualTo(before);
  }
}
