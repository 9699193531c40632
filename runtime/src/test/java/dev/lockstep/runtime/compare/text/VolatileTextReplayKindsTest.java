package dev.lockstep.runtime.compare.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.runtime.compare.text.VolatileText.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kinds notebook outputs add (lockstep replay): UUIDs, kernel paths, HTML ids, progress bars. */
class VolatileTextReplayKindsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", textBlock = """
      run 1b4e28ba-2fa1-11d2-883f-0016d3cca427 done => run <uuid> done => UUID
      /tmp/ipykernel_4242/3416325961.py:2: UserWarning: old => <kernel-temporary-path>:2: UserWarning: old => KERNEL_TEMPORARY_PATH
      <ipython-input-9-3416325961>:2: UserWarning: old => <kernel-temporary-path>:2: UserWarning: old => KERNEL_TEMPORARY_PATH
      <div id="chart-9f86d081884c">chart</div> => <div id="<html-element-id>">chart</div> => HTML_ELEMENT_ID
      <table id="T_8b2f1"><th id="T_8b2f1_level0_col0"> => <table id="<html-element-id>"><th id="<html-element-id>_level0_col0"> => HTML_ELEMENT_ID
      100%|##########| 10/10 [00:00<00:00, 1843.22it/s] => <progress-bar> => PROGRESS_BAR
      32/32 [==============================] - 1s 3ms/step - loss: 0.25 => <progress-bar> => PROGRESS_BAR
      Date:                Thu, 03 Dec 2026   Prob (F-statistic):  2.83e-239 => Date:                <timestamp>   Prob (F-statistic):  2.83e-239 => TIMESTAMP
      Time:                        15:47:54   Log-Likelihood:  -146.51 => Time:                        <timestamp>   Log-Likelihood:  -146.51 => TIMESTAMP
      """)
  void masksAndNamesEachKind(String text, String masked, Kind kind) {
    VolatileText.Masked result = VolatileText.mask(text.strip());
    assertThat(result.text()).isEqualTo(masked.strip());
    assertThat(result.kinds()).containsExactly(kind);
  }

  @Test
  void ordinaryHtmlIdsAndHexLookingWordsStay() {
    String text = "<div id=\"header\"><th id=\"col-1\"><td id=\"feedface\">";
    assertThat(VolatileText.mask(text).text()).isEqualTo(text);
  }

  @Test
  void aProgressBarTakesItsLineOnly() {
    VolatileText.Masked result = VolatileText.mask(" 50%|#####     | 5/10 [00:01<00:01, 4.1it/s]\naccuracy 0.91\n");
    assertThat(result.text()).isEqualTo("<progress-bar>\naccuracy 0.91\n");
  }
}
