package dev.lockstep.runtime;

import dev.lockstep.runtime.inputs.VerifiedInput;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.runtime.record.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run was asked to compute: its seed, resolved parameters and the hashes of its inputs.
 * {@code verify} compares a new run with an earlier run of the same key by default, so a one-off
 * {@code --param epochs=3} is never the baseline of a plain verify.
 */
record RunConfigKey(long seed, String params, Map<String, String> inputs) {

  static RunConfigKey of(PreparedRun run) {
    Map<String, String> inputs = new TreeMap<>();
    for (VerifiedInput input : run.inputs()) {
      inputs.put(input.name(), input.sha256());
    }
    return new RunConfigKey(run.spec().seed(), CanonicalJson.write(RecordAssembly.params(run.params())), inputs);
  }

  static RunConfigKey of(RunRecord record) {
    Map<String, String> inputs = new TreeMap<>();
    record.inputs().forEach((name, input) -> inputs.put(name, input.sha256()));
    return new RunConfigKey(record.seed(), CanonicalJson.write(new TreeMap<>(record.params())), inputs);
  }

  /** What differs from {@code other}, e.g. "parameters {epochs: 3} vs {epochs: 5}"; empty when equal. */
  List<String> differences(RunConfigKey other) {
    List<String> differences = new ArrayList<>();
    if (seed != other.seed) {
      differences.add("seed " + seed + " vs " + other.seed);
    }
    if (!params.equals(other.params)) {
      differences.add("parameters " + compact(params) + " vs " + compact(other.params));
    }
    if (!inputs.equals(other.inputs)) {
      differences.add("input hashes");
    }
    return differences;
  }

  private static String compact(String json) {
    return json.replaceAll("\\s*\\n\\s*", " ").strip();
  }
}
