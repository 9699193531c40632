package dev.lockstep.jobformat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The typed options of a job's {@code RunJob.java}: one per parameter, then one per input, each
 * in name order (lockstep.yaml's maps as {@link JobSpec} holds them). {@code learning_rate}
 * becomes {@code --learning-rate}; a name that clashes with a fixed option or an earlier one gets
 * its kind as a prefix: {@code --param-python}, {@code --input-train-data}.
 *
 * <p>The extractor names RunJob.java's options with this, and the runtime names them in its
 * hints when RunJob.java called it, so a hint always uses the option the user can type.
 */
public final class LauncherFlags {

  /** Option names RunJob.java uses itself (without the leading dashes). */
  public static final Set<String> RESERVED = Set.of("help", "h", "python", "strict-hardware", "against", "runs", "run",
      "verify", "param", "input");

  /** Whether an option sets a parameter or binds an input. */
  public enum Kind {
    PARAM,
    INPUT
  }

  /** A parameter or input by kind and name. */
  public record Named(Kind kind, String name) {}

  private LauncherFlags() {}

  /** The flag ({@code --learning-rate}) of each option, in the order given. */
  public static Map<Named, String> flags(List<Named> options) {
    Set<String> taken = new HashSet<>(RESERVED);
    Map<Named, String> flags = new LinkedHashMap<>();
    for (Named option : options) {
      String flag = unusedFlag(option, taken);
      taken.add(flag);
      flags.put(option, "--" + flag);
    }
    return flags;
  }

  /** The flags of a job's RunJob.java: parameters, then inputs, each in name order. */
  public static Map<Named, String> of(JobSpec spec) {
    List<Named> options = new ArrayList<>();
    spec.params().keySet().forEach(name -> options.add(new Named(Kind.PARAM, name)));
    spec.inputs().keySet().forEach(name -> options.add(new Named(Kind.INPUT, name)));
    return flags(options);
  }

  /** The first free one of: learning-rate, param-learning-rate, param-learning_rate, param-learning_rate-2, ... */
  private static String unusedFlag(Named option, Set<String> taken) {
    String prefix = option.kind() == Kind.PARAM ? "param-" : "input-";
    String plain = dashed(option.name());
    List<String> candidates = plain.isEmpty() ? List.of(prefix + option.name())
        : List.of(plain, prefix + plain, prefix + option.name());
    for (String candidate : candidates) {
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
    for (int n = 2; ; n++) {
      String candidate = prefix + option.name() + "-" + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  /** {@code Learning_Rate} -> {@code learning-rate}; leading and trailing underscores dropped. */
  private static String dashed(String name) {
    String dashed = name.toLowerCase(Locale.ROOT).replace('_', '-').replaceAll("-{2,}", "-");
    return dashed.replaceAll("^-+|-+$", "");
  }
}
