package dev.lockstep.jobformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParamTypeTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      INT    | 12          | 12
      INT    | -3          | -3
      FLOAT  | 0.5         | 0.5
      FLOAT  | 1e-3        | 0.001
      FLOAT  | 3           | 3.0
      FLOAT  | .25         | 0.25
      BOOL   | true        | true
      BOOL   | False       | false
      STRING | five        | five
      STRING | 12          | 12
      """)
  void parsesTextThatFitsTheType(ParamType type, String text, String expected) {
    assertThat(String.valueOf(type.parse(text))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', textBlock = """
      INT    | five                   | expected an integer, got "five"
      INT    | 1.5                    | expected an integer, got "1.5"
      INT    | 99999999999999999999   | expected an integer that fits in 64 bits, got "99999999999999999999"
      FLOAT  | 1f                     | expected a float, got "1f"
      FLOAT  | NaN                    | expected a float, got "NaN"
      FLOAT  | 0x10                   | expected a float, got "0x10"
      FLOAT  | 1e999                  | expected a float, got "1e999"
      BOOL   | yes                    | expected a boolean (true or false), got "yes"
      BOOL   | 1                      | expected a boolean (true or false), got "1"
      """)
  void refusesTextThatDoesNot(ParamType type, String text, String message) {
    assertThatThrownBy(() -> type.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
