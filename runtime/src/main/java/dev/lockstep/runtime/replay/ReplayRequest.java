package dev.lockstep.runtime.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One {@code lockstep replay}.
 *
 * @param notebook the notebook to replay (only read)
 * @param order the cell order
 * @param seeding whether the determinism prelude runs first
 * @param prelude the determinism prelude's Python, used when {@code seeding} is SEEDED (the
 *     caller renders it: the runtime knows no frameworks)
 * @param seededEnvironment interpreter-level settings for a seeded replay (PYTHONHASHSEED...),
 *     set before Python starts
 * @param translated the IPython-translated Python of code cells by 0-based cell index, run
 *     when the interpreter has no IPython; a cell missing here runs as it is
 * @param python the interpreter, or empty for /usr/bin/python3 (else python3 on PATH)
 * @param timeout the limit for the whole replay (each run of it)
 * @param cellTimeout the limit for one cell
 * @param twice compare two replays with each other instead of the replay with the saved outputs
 * @param tolerance numbers and pixels
 * @param outputCap the most characters of output one cell keeps
 * @param engine IPython when available, or always the translated code
 * @param caller the caller's environment (PATH, HOME...), passed through
 */
public record ReplayRequest(
    Path notebook,
    ReplayOrder order,
    Seeding seeding,
    String prelude,
    Map<String, String> seededEnvironment,
    Map<Integer, String> translated,
    Optional<Path> python,
    Duration timeout,
    Duration cellTimeout,
    boolean twice,
    Tolerance tolerance,
    long outputCap,
    Engine engine,
    Map<String, String> caller) {

  public static final long DEFAULT_OUTPUT_CAP = 16L * 1024 * 1024;

  public ReplayRequest {
    Objects.requireNonNull(notebook, "notebook");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(seeding, "seeding");
    seededEnvironment = Map.copyOf(new TreeMap<>(seededEnvironment));
    translated = Map.copyOf(translated);
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(tolerance, "tolerance");
    caller = Map.copyOf(caller);
    prelude = prelude == null ? "" : prelude;
  }
}
