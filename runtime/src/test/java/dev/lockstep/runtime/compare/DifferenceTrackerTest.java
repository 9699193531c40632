package dev.lockstep.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.jobformat.ComparePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DifferenceTrackerTest {

  /** numpy.isclose(a, b, rtol, atol, equal_nan=True) for each row, checked by hand. */
  @ParameterizedTest(name = "isclose({0}, {1}, atol={2}, rtol={3}) = {4}")
  @CsvSource(textBlock = """
      1.0,        1.0,        0,     0,    true
      1.0000001,  1.0,        1e-6,  0,    true
      1.00001,    1.0,        1e-6,  0,    false
      1.000009,   1.0,        0,     1e-5, true
      110,        100,        0,     0.1,  true
      100,        110,        0,     0.09, false
      NaN,        NaN,        0,     0,    true
      NaN,        1.0,        1e9,   1e9,  false
      Infinity,   Infinity,   0,     0,    true
      Infinity,   -Infinity,  1e9,   1e9,  false
      Infinity,   1e308,      1e9,   1e9,  false
      -0.0,       0.0,        0,     0,    true
      """)
  void followsNumpyIsclose(double candidate, double baseline, double atol, double rtol, boolean close) {
    DifferenceTracker tracker = new DifferenceTracker(new ComparePolicy.Tolerance(atol, rtol));
    tracker.add(candidate, baseline, index -> "x", 0);

    assertThat(tracker.allClose()).isEqualTo(close);
  }

  @Test
  void reportsTheLargestDifferenceAndWhere() {
    DifferenceTracker tracker = new DifferenceTracker(new ComparePolicy.Tolerance(1e-6, 0));
    tracker.add(1.0, 1.0, index -> "index [" + index + "]", 0);
    tracker.add(2.00000032, 2.0, index -> "index [" + index + "]", 1);
    tracker.add(3.0000001, 3.0, index -> "index [" + index + "]", 2);

    assertThat(tracker.allClose()).isTrue();
    assertThat(tracker.closeSummary()).isEqualTo("max abs diff 3.2e-07 at index [1]");
  }

  @Test
  void reportsTheWorstValueOutsideTolerance() {
    DifferenceTracker tracker = new DifferenceTracker(new ComparePolicy.Tolerance(0.01, 0));
    tracker.add(1.5, 1.0, index -> "index [" + index + "]", 0);
    tracker.add(2.25, 2.0, index -> "index [" + index + "]", 1);
    tracker.add(3.0, 3.0, index -> "index [" + index + "]", 2);

    assertThat(tracker.differentSummary())
        .isEqualTo("max abs diff 0.5 at index [0] (1.5 vs baseline 1); 2 of 3 values outside atol=0.01, rtol=0");
  }

  @Test
  void putsNanMismatchesFirst() {
    DifferenceTracker tracker = new DifferenceTracker(new ComparePolicy.Tolerance(0, 0));
    tracker.add(1.5, 1.0, index -> "index [" + index + "]", 0);
    tracker.add(Double.NaN, 1.0, index -> "index [" + index + "]", 1);

    assertThat(tracker.differentSummary()).startsWith("NaN vs baseline 1 at index [1]; 2 of 2 values outside");
  }

  @Test
  void formatsNumbersBriefly() {
    assertThat(Numbers.brief(3.2e-7)).isEqualTo("3.2e-07");
    assertThat(Numbers.brief(0.5)).isEqualTo("0.5");
    assertThat(Numbers.brief(1234.5)).isEqualTo("1.23e+03");
    assertThat(Numbers.brief(0)).isEqualTo("0");
    assertThat(Numbers.plain(0.015f)).isEqualTo("0.015");
    assertThat(Numbers.plain(0.1)).isEqualTo("0.1");
    assertThat(Numbers.plain(2.0)).isEqualTo("2");
  }
}
