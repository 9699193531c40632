package dev.lockstep.runtime.compare.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the parts of a program's printed output that change from run to run without meaning
 * anything (memory addresses, timings, temporary paths, process ids, timestamps, Lockstep's run
 * ids), and names what it masked, so two logs can be compared for what the program computed.
 *
 * <p>Each {@link Kind} is one pattern and one placeholder, {@code <kind>}; kinds are applied in
 * declaration order (timestamps before timings, so a clock time is not read as a duration). The
 * same text always gives the same result.
 */
public final class VolatileText {

  /** What can be masked, each with its pattern. Add a kind here to mask something new. */
  public enum Kind {
    /** Lockstep's own run ids, which appear in output paths: {@code 20261127T101500.123Z-4d0fa2b5}. */
    RUN_ID("\\b\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}(?:-\\d+)?\\b"),
    /** UUIDs, which name runs, plots and temporary objects: {@code 1b4e28ba-2fa1-11d2-883f-0016d3cca427}. */
    UUID("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
    /**
     * Where a kernel compiles cells, named in warnings and tracebacks: ipykernel's
     * {@code /tmp/ipykernel_4242/3416325961.py}, plain IPython's {@code <ipython-input-3-1a2b3c>} and
     * {@code Cell In[3]} (before {@link #TEMPORARY_PATH}, which would take only part of it).
     */
    KERNEL_TEMPORARY_PATH("(?:/[\\w.-]+)*/ipykernel_\\d+/\\d+\\.py|<ipython-input-\\d+-[0-9a-f]+>|\\bCell In ?\\[\\d*\\]"),
    /**
     * Random element ids in HTML outputs: {@code <div id="chart-9f86d081884c">}, pandas Styler's
     * {@code T_8b2f1}. Only an id holding a digit and a run of six or more hex digits, or Styler's
     * prefix, so {@code id="header"} stays.
     */
    HTML_ELEMENT_ID("(?<=\\b(?:id|for|href|aria-labelledby|aria-describedby|data-id)=\"#?)(?=[^\"]*\\d)[^\"]*?[0-9a-fA-F]{6,}[^\"]*(?=\")"
        + "|(?<=#)T_[0-9a-f]{5,}(?:_\\w+)?|\\bT_[0-9a-f]{5}(?=[_ \"])"),
    /**
     * Progress bars (tqdm and Keras), the whole line: {@code 100%|#####| 10/10 [00:01<00:00, 9.87it/s]},
     * {@code 32/32 [==============================] - 1s 3ms/step} (before {@link #TIMING}, so a
     * bar is named as one).
     */
    PROGRESS_BAR("(?m)^.*\\d+%\\|[^|\\n]*\\|.*$|^.*\\d+/\\d+ \\[[=>.]{5,}\\].*$"),
    /** ISO-8601 and {@code date}-style timestamps: {@code 2026-11-27 10:15:00,123}, {@code 2026-11-27T10:15:00Z}. */
    TIMESTAMP("\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?"
        + "|\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\\d{1,2} \\d{2}:\\d{2}:\\d{2}(?: \\d{4})?"
        // statsmodels' summary tables: "Date:  Thu, 03 Dec 2026" and "Time:  15:47:54"
        + "|\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}\\b"
        + "|(?<=\\bTime:\\s{1,40})\\d{1,2}:\\d{2}:\\d{2}\\b"),
    /** Object reprs and pointers: {@code <Model object at 0x7f3b2c1d0e80>}. */
    MEMORY_ADDRESS("\\b0x[0-9a-fA-F]{6,16}\\b"),
    /**
     * Durations and rates: {@code 1.23s}, {@code 15 ms}, {@code 9.87it/s}, {@code 2.1 s/it}, IPython's
     * {@code Wall time: 1.2 s} and {@code CPU times: ...} lines, tqdm's {@code [00:01<00:02}.
     */
    TIMING("(?:Wall time|CPU times)\\s*:[^\\n]*"
        + "|\\b\\d{1,2}:\\d{2}(?::\\d{2})?<(?:\\d{1,2}:\\d{2}(?::\\d{2})?|\\?)"
        + "|(?<![\\w.])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?\\s?(?:it/s|s/it|ms|µs|us|ns|secs?|seconds?|minutes?|mins?|s)(?![\\w/])"),
    /** Temporary files and folders: {@code /tmp/tmpa1b2c3/x.csv}, {@code /var/folders/.../T/...}, {@code /dev/shm/...}. */
    TEMPORARY_PATH("(?<![\\w/.])(?:/tmp|/var/tmp|/dev/shm|/var/folders/[^\\s/]+/[^\\s/]+/T)(?:/[^\\s'\":,;()\\[\\]{}<>]*)?"),
    /** Process ids: {@code pid 4242}, {@code PID=4242}, {@code Process-3}, {@code ForkPoolWorker-2}. */
    PROCESS_ID("(?i)\\bpid\\b[ =:#]*\\d+|\\b(?:Process|ForkPoolWorker|SpawnPoolWorker)-\\d+(?::\\d+)*");

    private final Pattern pattern;

    Kind(String regex) {
      this.pattern = Pattern.compile(regex);
    }

    /** The placeholder that replaces each match: {@code <memory-address>}. */
    public String placeholder() {
      return "<" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ">";
    }

    /** As named in reports: {@code memory address}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * @param text the input with every volatile part replaced by its kind's placeholder
   * @param kinds the kinds that matched at least once, in declaration order
   */
  public record Masked(String text, List<Kind> kinds) {
    public Masked {
      kinds = List.copyOf(kinds);
    }
  }

  private VolatileText() {}

  public static Masked mask(String text) {
    String masked = text;
    Set<Kind> found = EnumSet.noneOf(Kind.class);
    for (Kind kind : Kind.values()) {
      Matcher matcher = kind.pattern.matcher(masked);
      if (matcher.find()) {
        found.add(kind);
        masked = matcher.replaceAll(Matcher.quoteReplacement(kind.placeholder()));
      }
    }
    return new Masked(masked, new ArrayList<>(found));
  }
}
