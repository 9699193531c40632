package dev.lockstep.runtime.compare.tensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.runtime.testing.JobFixture;
import dev.lockstep.runtime.testing.SystemPython;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * numpy writes a sample of every dtype and layout (and safetensors by hand), with the values it
 * meant in expected.json; the Java readers must decode exactly those values.
 */
class TensorReadersTest {

  @TempDir static Path samples;
  private static JsonNode expected;

  @BeforeAll
  static void writeSamplesWithNumpy() throws Exception {
    SystemPython.requireNumpy();
    Path script = Path.of(TensorReadersTest.class.getResource("/tensors/write_samples.py").toURI());
    SystemPython.Result result = SystemPython.run(script.toString(), samples.toString());
    assertThat(result.exitCode()).withFailMessage("write_samples.py failed:%n%s", result.output()).isZero();
    expected = CanonicalJson.mapper().readTree(samples.resolve("expected.json").toFile());
  }

  @Test
  void readsEveryNpyDtypeAndLayout() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> file : expected.properties()) {
      if (file.getKey().endsWith(".npy")) {
        assertMatches(file.getKey(), NpyReader.read(samples.resolve(file.getKey())), file.getValue());
        checked.add(file.getKey());
      }
    }
    assertThat(checked).contains("float16.npy", "uint64.npy", "bool.npy", "big_endian.npy", "fortran.npy", "scalar.npy");
  }

  @Test
  void readsStoredAndDeflatedNpz() throws Exception {
    for (String file : List.of("stored.npz", "compressed.npz")) {
      assertMatches(file, NpzReader.read(samples.resolve(file)), expected.get(file));
    }
  }

  @Test
  void readsSafetensorsIncludingBfloat16() throws Exception {
    TensorFile file = SafetensorsReader.read(samples.resolve("model.safetensors"));

    assertMatches("model.safetensors", file, expected.get("model.safetensors"));
    assertThat(file.metadata()).containsExactly(Map.entry("format", "pt"));
  }

  @Test
  void refusesFilesThatAreNotInTheFormat(@TempDir Path directory) throws Exception {
    Path text = JobFixture.write(directory.resolve("x.npy"), "not numpy at all");
    Path shortHeader = directory.resolve("y.safetensors");
    Files.write(shortHeader, new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, '{', '}'});

    assertThatThrownBy(() -> NpyReader.read(text)).isInstanceOf(TensorFormatException.class).hasMessageContaining("no \\x93NUMPY magic");
    assertThatThrownBy(() -> SafetensorsReader.read(shortHeader)).isInstanceOf(TensorFormatException.class)
        .hasMessageContaining("bad safetensors header length 255");
    assertThatThrownBy(() -> NpzReader.read(text)).isInstanceOf(TensorFormatException.class);
  }

  /** Python's str() of a non-finite float: "nan", "inf", "-inf". */
  private static double pythonFloat(String text) {
    return Double.parseDouble(text.replace("inf", "Infinity").replace("nan", "NaN"));
  }

  private static void assertMatches(String fileName, TensorFile file, JsonNode expectedArrays) {
    assertThat(file.tensors().keySet()).as(fileName).containsExactlyInAnyOrderElementsOf(() -> expectedArrays.fieldNames());
    for (Map.Entry<String, JsonNode> entry : expectedArrays.properties()) {
      Tensor tensor = file.tensors().get(entry.getKey());
      JsonNode want = entry.getValue();
      String label = fileName + " " + entry.getKey();
      assertThat(tensor.dtype().displayName()).as(label).isEqualTo(want.get("dtype").asText());
      long[] shape = new long[want.get("shape").size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = want.get("shape").get(i).asLong();
      }
      assertThat(tensor.shape()).as(label).containsExactly(shape);
      JsonNode values = want.get("values");
      assertThat(tensor.elementCount()).as(label).isEqualTo(values.size());
      for (int i = 0; i < values.size(); i++) {
        double expectedValue = values.get(i).isTextual() ? pythonFloat(values.get(i).asText()) : values.get(i).asDouble();
        // Double.valueOf: equals() treats NaN as equal to NaN, which is what "same value" means here.
        assertThat(Double.valueOf(tensor.get(i))).as(label + " element " + i).isEqualTo(Double.valueOf(expectedValue));
      }
    }
  }
}
