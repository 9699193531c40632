package dev.lockstep.runtime.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.runtime.testing.JobFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureLocatorTest {

  @TempDir Path job;

  @BeforeEach
  void writeMainPy() {
    JobFixture.write(job.resolve("pipeline/main.py"), String.join("\n",
        "import json",                       // 1
        "# %% cell 2 (id aa11bb22)",         // 2
        "def load(text):",                   // 3
        "    return json.loads(text)",       // 4
        "# %% cell 7 (id 3f2a1c9e)",         // 5
        "x = 1",                             // 6
        "y = x / 0",                         // 7
        "# %% cell 9",                       // 8
        "load('{')",                         // 9
        ""));
  }

  @Test
  void mapsTheLastMainPyFrameToItsCell() {
    String stderr = traceback(List.of(frame(job, 7, "<module>")), "ZeroDivisionError: division by zero");

    FailureDiagnosis diagnosis = FailureLocator.diagnose(1, stderr, job);

    assertThat(diagnosis.message()).isEqualTo(
        "job failed in notebook cell 7 (id 3f2a1c9e), pipeline/main.py line 7: ZeroDivisionError: division by zero");
    assertThat(diagnosis.cell()).contains(new CellMarker(7, "3f2a1c9e", 5));
  }

  @Test
  void skipsLibraryFramesAfterTheLastMainPyFrame() {
    String stderr = traceback(List.of(
            frame(job, 9, "<module>"),
            frame(job, 4, "load"),
            "  File \"/usr/lib/python3.11/json/__init__.py\", line 346, in loads\n    return _default_decoder.decode(s)",
            "  File \"/usr/lib/python3.11/json/decoder.py\", line 353, in raw_decode\n    obj, end = self.scan_once(s, idx)"),
        "json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");

    FailureDiagnosis diagnosis = FailureLocator.diagnose(1, stderr, job);

    assertThat(diagnosis.message()).isEqualTo("job failed in notebook cell 2 (id aa11bb22), pipeline/main.py line 4: "
        + "json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
  }

  @Test
  void usesTheLastOfChainedTracebacks() {
    String first = traceback(List.of(frame(job, 7, "<module>")), "ZeroDivisionError: division by zero");
    String second = traceback(List.of(frame(job, 9, "<module>")), "RuntimeError: wrapped");
    String stderr = first + "\nDuring handling of the above exception, another exception occurred:\n\n" + second;

    assertThat(FailureLocator.diagnose(1, stderr, job).message())
        .isEqualTo("job failed in notebook cell 9, pipeline/main.py line 9: RuntimeError: wrapped");
  }

  @Test
  void handlesASyntaxErrorInMainPyItself() {
    String stderr = "  File \"" + job.resolve("pipeline/main.py") + "\", line 6\n    x = (\n        ^\nSyntaxError: '(' was never closed\n";

    assertThat(FailureLocator.diagnose(1, stderr, job).message())
        .isEqualTo("job failed in notebook cell 7 (id 3f2a1c9e), pipeline/main.py line 6: SyntaxError: '(' was never closed");
  }

  @Test
  void saysWhenTheLineIsBeforeTheFirstCell() {
    String stderr = traceback(List.of(frame(job, 1, "<module>")), "ImportError: no json");

    assertThat(FailureLocator.diagnose(1, stderr, job).message())
        .isEqualTo("job failed in pipeline/main.py line 1 (before the first notebook cell): ImportError: no json");
  }

  @Test
  void fallsBackToTheExitCodeWithoutATraceback() {
    assertThat(FailureLocator.diagnose(3, "some message\n", job).message())
        .isEqualTo("job failed with exit code 3 (no Python traceback in pipeline/main.py)");
    assertThat(FailureLocator.diagnose(137, "", job).message())
        .isEqualTo("job failed with exit code 137 (killed by signal 9) (no Python traceback in pipeline/main.py)");
  }

  private static String frame(Path job, int line, String function) {
    return "  File \"" + job.resolve("pipeline/main.py") + "\", line " + line + ", in " + function + "\n    code\n    ^^^^";
  }

  private static String traceback(List<String> frames, String exception) {
    return "Traceback (most recent call last):\n" + String.join("\n", frames) + "\n" + exception + "\n";
  }
}
