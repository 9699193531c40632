package dev.lockstep.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextComparisonTest {

  private static PartComparison compare(String saved, String replay) {
    return TextComparison.compare("stdout", saved, replay, Tolerance.DEFAULT, "saved", "replay");
  }

  @Test
  void equalTextIsIdenticalAndLineEndingsDoNotCount() {
    assertThat(compare("a\nb\n", "a\r\nb\r\n").verdict()).isEqualTo(Verdict.IDENTICAL);
  }

  @Test
  void numbersWithinTheToleranceOnly() {
    assertThat(compare("loss 0.30000000000000004", "loss 0.3").verdict()).isEqualTo(Verdict.WITHIN_TOLERANCE);
    assertThat(compare("loss 0.31", "loss 0.3").verdict()).isEqualTo(Verdict.DIFFERS);
    assertThat(compare("n = 100", "n = 101").verdict()).as("integers are numbers too").isEqualTo(Verdict.DIFFERS);
    assertThat(compare("x1 = 1e-3", "x1 = 0.001").verdict()).isEqualTo(Verdict.WITHIN_TOLERANCE);
    assertThat(compare("nan inf", "nan inf").verdict()).isEqualTo(Verdict.IDENTICAL);
    assertThat(compare("value nan", "value 1.0").verdict()).isEqualTo(Verdict.DIFFERS);
  }

  @Test
  void theToleranceIsTheOneAskedFor() {
    Tolerance loose = new Tolerance(0.05, 0, 16, 0.001);
    assertThat(TextComparison.compare("p", "acc 0.81", "acc 0.79", loose, "saved", "replay").verdict())
        .isEqualTo(Verdict.WITHIN_TOLERANCE);
  }

  @Test
  void volatileTextIsNamed() {
    PartComparison result = compare("<Model at 0x7f0011223344> took 1.5 s", "<Model at 0x7f9988776655> took 2.25 s");
    assertThat(result.verdict()).isEqualTo(Verdict.VOLATILE_ONLY);
    assertThat(result.volatileKinds()).containsExactly("memory address", "timing");
  }

  @Test
  void volatileTextDoesNotHideARealDifference() {
    PartComparison result = compare("<Model at 0x7f0011223344>\nacc 0.81\n", "<Model at 0x7f9988776655>\nacc 0.42\n");
    assertThat(result.verdict()).isEqualTo(Verdict.DIFFERS);
    assertThat(result.detail()).isEqualTo("stdout line 2: saved 'acc 0.81', replay 'acc 0.42'");
  }

  @Test
  void missingLinesAreNamed() {
    assertThat(compare("a\nb\nc", "a\nb").detail())
        .isEqualTo("stdout line 3: saved 'c', replay has no more lines (3 lines against 2)");
    assertThat(compare("a", "a\nextra").detail())
        .isEqualTo("stdout line 2: replay 'extra', saved has no more lines (1 line against 2)");
  }
}
