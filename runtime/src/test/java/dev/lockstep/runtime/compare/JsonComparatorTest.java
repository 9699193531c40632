package dev.lockstep.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.jobformat.ComparePolicy;
import org.junit.jupiter.api.Test;

class JsonComparatorTest {

  private static final ComparePolicy.Tolerance TOLERANCE = new ComparePolicy.Tolerance(1e-6, 0);

  @Test
  void comparesNumericLeavesWithinTolerance() throws Exception {
    OutputVerdict verdict = compare("{\"loss\": 0.25, \"history\": [{\"loss\": 1.5}], \"name\": \"a\", \"bad\": NaN}",
        "{\"loss\": 0.2500003, \"history\": [{\"loss\": 1.5}], \"name\": \"a\", \"bad\": NaN}");

    assertThat(verdict.describe()).isEqualTo("within tolerance (max abs diff 3e-07 at $.loss)");
  }

  @Test
  void namesTheJsonPathOfTheLargestDifference() throws Exception {
    OutputVerdict verdict = compare("{\"history\": [{\"loss\": 1.5}, {\"loss\": 1.0}]}",
        "{\"history\": [{\"loss\": 1.5}, {\"loss\": 1.25}]}");

    assertThat(verdict.describe()).isEqualTo(
        "different (max abs diff 0.25 at $.history[1].loss (1.25 vs baseline 1); 1 of 2 values outside atol=1e-06, rtol=0)");
  }

  @Test
  void requiresNonNumericLeavesToBeEqual() throws Exception {
    assertThat(compare("{\"name\": \"a\"}", "{\"name\": \"b\"}").describe())
        .isEqualTo("different ($.name: \"b\" vs \"a\")");
    assertThat(compare("{\"odd key\": true}", "{\"odd key\": false}").describe())
        .isEqualTo("different ($[\"odd key\"]: false vs true)");
  }

  @Test
  void reportsMissingKeysAndLengths() throws Exception {
    assertThat(compare("{\"a\": 1, \"b\": [1, 2]}", "{\"b\": [1]}").describe())
        .isEqualTo("different ($.a missing from the candidate run (and 1 more structural difference))");
  }

  private static OutputVerdict compare(String baseline, String candidate) throws Exception {
    JsonNode base = CanonicalJson.mapper().readTree(baseline);
    JsonNode cand = CanonicalJson.mapper().readTree(candidate);
    return JsonComparator.compare(base, cand, TOLERANCE).verdict("metrics");
  }
}
