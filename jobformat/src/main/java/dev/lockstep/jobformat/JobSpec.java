package dev.lockstep.jobformat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * lockstep.yaml, validated. Maps iterate in name order so everything derived from a spec (config,
 * record, report) comes out in one order.
 */
public record JobSpec(
    int version,
    Optional<SourceSpec> source,
    long seed,
    Map<String, ParamValue> params,
    Map<String, InputSpec> inputs,
    Map<String, OutputSpec> outputs,
    Map<String, String> environment,
    List<String> secrets,
    Optional<HardwareSpec> hardware,
    List<String> pythonImports,
    LogSpec log) {

  /** A spec without a {@code log:} section. */
  public JobSpec(int version, Optional<SourceSpec> source, long seed, Map<String, ParamValue> params,
      Map<String, InputSpec> inputs, Map<String, OutputSpec> outputs, Map<String, String> environment, List<String> secrets,
      Optional<HardwareSpec> hardware, List<String> pythonImports) {
    this(version, source, seed, params, inputs, outputs, environment, secrets, hardware, pythonImports, LogSpec.DEFAULT);
  }

  public JobSpec {
    params = sortedCopy(params);
    inputs = sortedCopy(inputs);
    outputs = sortedCopy(outputs);
    environment = sortedCopy(environment);
    secrets = List.copyOf(secrets);
    pythonImports = List.copyOf(pythonImports);
    log = log == null ? LogSpec.DEFAULT : log;
  }

  private static <V> Map<String, V> sortedCopy(Map<String, V> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
