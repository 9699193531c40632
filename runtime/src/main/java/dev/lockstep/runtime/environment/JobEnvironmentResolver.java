package dev.lockstep.runtime.environment;

import dev.lockstep.runtime.JobException;
import dev.lockstep.jobformat.JobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link JobEnvironment} from the caller's environment and the job's spec. */
public final class JobEnvironmentResolver {

  private JobEnvironmentResolver() {}

  /**
   * @throws JobException (usage) naming every declared secret that is unset or empty: a job must
   *     never start with an empty token and fail later with a confusing 401
   */
  public static JobEnvironment resolve(JobSpec spec, Map<String, String> caller) throws JobException {
    Map<String, String> determinism = new LinkedHashMap<>(ThreadPinning.DEFAULTS);
    determinism.putAll(spec.environment());
    Map<String, String> secrets = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String name : spec.secrets()) {
      String value = caller.get(name);
      if (value == null) {
        problems.add("secret " + name + " is not set; lockstep.yaml lists it under secrets, so set it in the environment before running");
      } else if (value.isEmpty()) {
        problems.add("secret " + name + " is set but empty; a secret must have a value");
      } else {
        secrets.put(name, value);
      }
    }
    if (!problems.isEmpty()) {
      throw JobException.usage(String.join("\n", problems));
    }
    return new JobEnvironment(caller, determinism, secrets);
  }
}
