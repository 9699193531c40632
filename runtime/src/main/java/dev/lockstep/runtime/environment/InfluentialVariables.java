package dev.lockstep.runtime.environment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inherited variables that change what a job computes: interpreter switches (PYTHON*), thread
 * and BLAS settings, CUDA/cuDNN/XLA/TensorFlow switches, locale and time zone. The job gets
 * the caller's whole environment; these are the ones written into the record, so a run that
 * differs because a shell exported PYTHONHASHSEED or CUDA_VISIBLE_DEVICES shows it as drift.
 * Prefixes are chosen so that no common credential variable (HF_TOKEN, AWS_*, TF_VAR_*, *_KEY)
 * matches, and declared secrets are never recorded whatever their name or value.
 */
public final class InfluentialVariables {

  // TensorFlow's switches by name: the TF_ prefix is shared with Terraform, whose TF_VAR_*
  // variables often carry passwords.
  private static final Set<String> NAMES = Set.of("XLA_FLAGS", "LANG", "TZ", "TF_DETERMINISTIC_OPS",
      "TF_CUDNN_DETERMINISTIC", "TF_ENABLE_ONEDNN_OPTS", "TF_XLA_FLAGS", "TF_GPU_ALLOCATOR", "TF_FORCE_GPU_ALLOW_GROWTH");
  private static final List<String> PREFIXES =
      List.of("PYTHON", "OMP_", "MKL_", "OPENBLAS_", "NUMEXPR_", "CUDA_", "CUBLAS_", "CUDNN_", "NCCL_", "LC_");

  private InfluentialVariables() {}

  /** The influential variables of {@code inherited}, sorted, without any named in {@code excluded}. */
  public static Map<String, String> select(Map<String, String> inherited, Set<String> excluded) {
    Map<String, String> selected = new TreeMap<>();
    inherited.forEach((name, value) -> {
      if (!excluded.contains(name) && isInfluential(name)) {
        selected.put(name, value);
      }
    });
    return selected;
  }

  static boolean isInfluential(String name) {
    return NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith);
  }
}
