package dev.lockstep.runtime.compare;

import dev.lockstep.runtime.hardware.GpuInfo;
import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.runtime.record.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Lists what changed between two run records: job code, notebook, inputs, parameters, seed,
 * environment, interpreter and package versions, hardware. Fields that never repeat (run id,
 * timings) and outputs (compared on their own) are left out.
 */
final class RecordDrift {

  private static final String ABSENT = "absent";
  private static final int HASH_DIGITS = 12;

  private RecordDrift() {}

  static List<Drift> between(RunRecord baseline, RunRecord candidate) {
    List<Drift> drift = new ArrayList<>();
    add(drift, "job files sha256", hash(baseline.job().sha256()), hash(candidate.job().sha256()));
    add(drift, "notebook sha256", hash(baseline.job().notebookSha256()), hash(candidate.job().notebookSha256()));
    perName(drift, "input", baseline.inputs(), candidate.inputs(), input -> hash(input.sha256()));
    perName(drift, "param", baseline.params(), candidate.params(), RecordDrift::json);
    add(drift, "seed", Long.toString(baseline.seed()), Long.toString(candidate.seed()));
    perName(drift, "environment", baseline.environment().variables(), candidate.environment().variables(), v -> v);
    perName(drift, "inherited environment", baseline.environment().inherited(), candidate.environment().inherited(), v -> v);
    add(drift, "secrets", String.valueOf(baseline.environment().secrets()), String.valueOf(candidate.environment().secrets()));
    add(drift, "python", baseline.python().executable(), candidate.python().executable());
    add(drift, "python version", baseline.python().version(), candidate.python().version());
    perName(drift, "package", baseline.python().modules(), candidate.python().modules(), RecordDrift::moduleVersion);
    add(drift, "cpu", cpu(baseline), cpu(candidate));
    add(drift, "gpu", gpu(baseline), gpu(candidate));
    add(drift, "gpu driver", gpuField(baseline, g -> g.driverVersion()), gpuField(candidate, g -> g.driverVersion()));
    add(drift, "cuda", gpuField(baseline, g -> g.cudaVersion()), gpuField(candidate, g -> g.cudaVersion()));
    return drift;
  }

  private static <V> void perName(List<Drift> drift, String kind, Map<String, V> baseline, Map<String, V> candidate,
      Function<V, String> describe) {
    TreeSet<String> names = new TreeSet<>(baseline.keySet());
    names.addAll(candidate.keySet());
    for (String name : names) {
      V base = baseline.get(name);
      V cand = candidate.get(name);
      add(drift, kind + " " + name, base == null ? ABSENT : describe.apply(base), cand == null ? ABSENT : describe.apply(cand));
    }
  }

  private static void add(List<Drift> drift, String subject, String baseline, String candidate) {
    if (!Objects.equals(baseline, candidate)) {
      drift.add(new Drift(subject, baseline == null ? ABSENT : baseline, candidate == null ? ABSENT : candidate));
    }
  }

  private static String hash(String sha256) {
    return sha256 == null ? null : Sha256.abbreviate(sha256, HASH_DIGITS);
  }

  private static String moduleVersion(RunRecord.Module module) {
    String version = module.version() == null ? "unknown version" : module.version();
    return module.distribution() == null ? version : module.distribution() + " " + version;
  }

  private static String cpu(RunRecord record) {
    return record.hardware().cpu().model() + " x" + record.hardware().cpu().count();
  }

  private static String gpu(RunRecord record) {
    GpuInfo gpu = record.hardware().gpu();
    return gpu == null ? "none" : gpu.count() + " x " + String.join(", ", new TreeSet<>(gpu.models()));
  }

  private static String gpuField(RunRecord record, Function<GpuInfo, String> field) {
    return record.hardware().gpu() == null ? null : field.apply(record.hardware().gpu());
  }

  /** A parameter value as JSON text, so 5 (read back as Integer) equals 5 (written as Long). */
  private static String json(Object value) {
    return CanonicalJson.write(value).strip();
  }
}
