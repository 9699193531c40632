package dev.lockstep.runtime.environment;

import dev.lockstep.jobformat.JobLayout;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a job runs with, in three parts kept apart so that only the safe part is
 * ever written down.
 *
 * @param inherited the caller's environment, passed through so the job finds PATH, HOME, its
 *     caches and drivers; only its influential variables are recorded (it may hold anything)
 * @param determinism thread pins and lockstep.yaml's {@code environment}; overrides inherited
 *     values and is recorded in full
 * @param secrets the values of lockstep.yaml's {@code secrets}, read from the caller; only
 *     their names are ever recorded
 */
public record JobEnvironment(Map<String, String> inherited, Map<String, String> determinism, Map<String, String> secrets) {

  public JobEnvironment {
    inherited = Map.copyOf(inherited);
    determinism = Collections.unmodifiableMap(new TreeMap<>(determinism));
    secrets = Collections.unmodifiableMap(new TreeMap<>(secrets));
  }

  /** For helper processes that run before the config file exists (interpreter probes). */
  public Map<String, String> withoutConfig() {
    Map<String, String> variables = new HashMap<>(inherited);
    variables.remove(JobLayout.CONFIG_VARIABLE);
    variables.putAll(determinism);
    variables.putAll(secrets);
    return variables;
  }

  /** For the job itself: everything, plus {@code LOCKSTEP_CONFIG} naming the run's config.json. */
  public Map<String, String> forJob(Path configFile) {
    Map<String, String> variables = withoutConfig();
    variables.put(JobLayout.CONFIG_VARIABLE, configFile.toAbsolutePath().toString());
    return variables;
  }

  /**
   * Inherited variables that influence the computation and that the runtime did not set
   * itself (see {@link InfluentialVariables}); recorded beside {@link #determinism}.
   */
  public Map<String, String> influentialInherited() {
    Set<String> excluded = new HashSet<>(determinism.keySet());
    excluded.addAll(secrets.keySet());
    excluded.add(JobLayout.CONFIG_VARIABLE);
    Map<String, String> selected = new TreeMap<>(InfluentialVariables.select(inherited, excluded));
    selected.values().removeIf(secrets::containsValue); // a secret under another name stays unrecorded
    return selected;
  }

  public List<String> secretNames() {
    return List.copyOf(secrets.keySet());
  }

  /** Never prints secret values, wherever a JobEnvironment ends up in a message. */
  @Override
  public String toString() {
    return "JobEnvironment[determinism=" + determinism + ", secrets=" + secrets.keySet() + "]";
  }
}
