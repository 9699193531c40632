package dev.lockstep.runtime.environment;

import java.util.Map;

/**
 * Thread settings every run gets unless lockstep.yaml's {@code environment} says otherwise.
 *
 * <p>Why one thread: BLAS and OpenMP split reductions across threads, and the split (so the
 * order of floating-point additions, so the last bits of the result) follows the thread
 * count, which by default follows the machine's core count. Pinning a fixed count makes the
 * arithmetic independent of the machine; one is the only count every machine has. Jobs that
 * need speed set a larger fixed value in lockstep.yaml, where it is recorded and reviewed.
 * The *_DYNAMIC switches stop MKL and OpenMP from lowering the count at run time (oneMKL's
 * reproducibility conditions; see DETERMINISM.md section 4).
 */
public final class ThreadPinning {

  public static final Map<String, String> DEFAULTS =
      Map.of(
          "OMP_NUM_THREADS", "1",
          "MKL_NUM_THREADS", "1",
          "OPENBLAS_NUM_THREADS", "1",
          "OMP_DYNAMIC", "FALSE",
          "MKL_DYNAMIC", "FALSE");

  private ThreadPinning() {}
}
