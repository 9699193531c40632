package dev.lockstep.runtime.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.runtime.ExitCode;
import dev.lockstep.runtime.JobException;
import dev.lockstep.jobformat.ParamType;
import dev.lockstep.jobformat.ParamValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamResolverTest {

  private static final Map<String, ParamValue> DECLARED = Map.of(
      "epochs", new ParamValue(ParamType.INT, 5L),
      "lr", new ParamValue(ParamType.FLOAT, 0.003),
      "amp", new ParamValue(ParamType.BOOL, false),
      "model", new ParamValue(ParamType.STRING, "gpt2"));

  @Test
  void overridesKeepTheDeclaredType() throws Exception {
    Map<String, ParamValue> resolved = ParamResolver.resolve(DECLARED, Map.of("epochs", "7", "lr", "1", "amp", "true", "model", "7"));

    assertThat(resolved.get("epochs").value()).isEqualTo(7L);
    assertThat(resolved.get("lr").value()).isEqualTo(1.0);
    assertThat(resolved.get("amp").value()).isEqualTo(true);
    assertThat(resolved.get("model").value()).isEqualTo("7");
  }

  @Test
  void namesEveryUnknownOrIllTypedOverride() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("epochs", "five");
    overrides.put("epoch", "5");

    assertThatThrownBy(() -> ParamResolver.resolve(DECLARED, overrides))
        .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage("--param epochs=five: expected an integer, got \"five\" (lockstep.yaml declares epochs: 5)\n"
            + "--param epoch: unknown parameter; lockstep.yaml declares amp, epochs, lr, model");
  }
}
