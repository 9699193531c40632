package dev.lockstep.runtime.compare.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.runtime.compare.text.VolatileText.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolatileTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      <Net object at 0x7f3b2c1d0e80>                        | <Net object at <memory-address>>            | MEMORY_ADDRESS
      epoch 1 took 1.23s                                    | epoch 1 took <timing>                       | TIMING
      step 3: 15 ms                                         | step 3: <timing>                            | TIMING
      100% 10/10 [00:01<00:00,  9.87it/s]                   | 100% 10/10 [<timing>,  <timing>]           | TIMING
      Wall time: 1.2 s                                      | <timing>                                    | TIMING
      saved to /tmp/tmpa1b2c3/model.pt                      | saved to <temporary-path>                   | TEMPORARY_PATH
      worker pid 4242 started                               | worker <process-id> started                 | PROCESS_ID
      Process-3 done                                        | <process-id> done                           | PROCESS_ID
      2026-11-27 10:15:00,123 INFO start                    | <timestamp> INFO start                      | TIMESTAMP
      wrote runs/20261127T101500.123Z-4d0fa2b5/out/x.csv    | wrote runs/<run-id>/out/x.csv               | RUN_ID
      """)
  void masksAndNamesEachKind(String text, String masked, Kind kind) {
    VolatileText.Masked result = VolatileText.mask(text.strip());
    assertThat(result.text()).isEqualTo(masked.strip());
    assertThat(result.kinds()).containsExactly(kind);
  }

  @Test
  void leavesWhatTheProgramComputedAlone() {
    String text = "accuracy 0.9123\nloss=1.5e-3 after 3 epochs\nshape (10, 2) in data/x.csv\n0x12\n";
    VolatileText.Masked result = VolatileText.mask(text);
    assertThat(result.text()).isEqualTo(text);
    assertThat(result.kinds()).isEmpty();
  }

  @Test
  void twoRunsThatDifferOnlyInVolatilePartsMaskToTheSameText() {
    String first = "model <Net at 0x7f0000000010> trained in 1.5s, 12.0it/s, tmp /tmp/abc/w.pt\naccuracy 0.91\n";
    String second = "model <Net at 0x7fabcdef0020> trained in 2.25s, 8.5it/s, tmp /tmp/xyz/w.pt\naccuracy 0.91\n";
    assertThat(VolatileText.mask(first).text()).isEqualTo(VolatileText.mask(second).text());
    assertThat(VolatileText.mask(first).kinds())
        .containsExactly(Kind.MEMORY_ADDRESS, Kind.TIMING, Kind.TEMPORARY_PATH);
    assertThat(VolatileText.mask(first.replace("0.91", "0.92")).text()).isNotEqualTo(VolatileText.mask(second).text());
  }
}
