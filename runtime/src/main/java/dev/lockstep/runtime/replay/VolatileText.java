package dev.lockstep.runtime.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the parts of printed text that change from run to run although the computation did
 * not: memory addresses, temporary and kernel paths, process ids, timings, progress bars,
 * timestamps, random HTML element ids and UUIDs. Each masked span becomes {@code <kind>}, so two
 * texts that differ only there mask to the same text, and the kinds masked are named.
 *
 * <p>Patterns are deliberately narrow: a number that is a result must never be masked, so a
 * timing is a number only next to a time unit in a timing context ({@code Wall time: 1.2 s},
 * {@code 3.4 it/s}, {@code took 2 s}), never a bare number.
 */
public final class VolatileText { // TEMPORARY home until dev.lockstep.runtime.compare.text.VolatileText lands (branch runtime)

  /** A kind of volatile text, as reports name it. */
  public enum Kind {
    KERNEL_PATH("kernel temporary path"),
    TEMPORARY_PATH("temporary path"),
    MEMORY_ADDRESS("memory address"),
    PROCESS_ID("process id"),
    PROGRESS_BAR("progress bar"),
    TIMING("timing"),
    TIMESTAMP("timestamp"),
    HTML_ID("HTML element id"),
    UUID("UUID");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The masked text and the kinds that were masked.
   *
   * @param text the text with every volatile span replaced by {@code <kind label>}
   * @param kinds the kinds masked, in enum order
   */
  public record Masked(String text, SortedSet<Kind> kinds) {
    public Masked {
      kinds = Collections.unmodifiableSortedSet(new TreeSet<>(kinds));
    }
  }

  private record Rule(Kind kind, Pattern pattern) {}

  private static final String UNIT = "(?:ns|µs|μs|us|ms|s|sec|secs|seconds?|min|mins|minutes?|h|hours?)";
  private static final String NUMBER = "\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?";

  private static final List<Rule> RULES = List.of(
      // Where ipykernel compiles cells (/tmp/ipykernel_1234/567.py), and plain IPython's names.
      new Rule(Kind.KERNEL_PATH, Pattern.compile(
          "(?:/[\\w.-]+)*/ipykernel_\\d+/\\d+\\.py|<ipython-input-\\d+-[0-9a-f]+>|\\bCell In ?\\[\\d*\\]")),
      new Rule(Kind.TEMPORARY_PATH, Pattern.compile(
          "(?:/private)?/(?:tmp|var/tmp|var/folders/[\\w/]+?/T|dev/shm)/[\\w.+@~-]+(?:/[\\w.+@~-]+)*")),
      new Rule(Kind.UUID, Pattern.compile(
          "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b")),
      new Rule(Kind.HTML_ID, Pattern.compile(
          "(?<=\\b(?:id|for|href|aria-labelledby|data-id)=\"#?)[^\"]*?[0-9a-fA-F_-]{6,}[^\"]*(?=\")"
              + "|(?<=#)T_[0-9a-f]{5,}(?:_\\w+)?|\\bT_[0-9a-f]{5}(?=[_ \"])")),
      new Rule(Kind.MEMORY_ADDRESS, Pattern.compile("\\b0x[0-9a-fA-F]{6,16}\\b")),
      new Rule(Kind.PROGRESS_BAR, Pattern.compile(
          "(?m)^.*\\d+%\\|[^|\\n]*\\|.*$|^.*\\[[=>. #-]{5,}\\].*\\d+/\\d+.*$")),
      new Rule(Kind.TIMESTAMP, Pattern.compile(
          "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?\\b"
              + "|\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4}\\b")),
      new Rule(Kind.PROCESS_ID, Pattern.compile(
          "(?i)(?<=\\bpid[ =:]{1,3})\\d+|(?<=\\bprocess )\\d{2,}\\b|(?<=\\bProcess-)\\d+")),
      new Rule(Kind.TIMING, Pattern.compile(
          "(?i)(?:(?<=wall time: )|(?<=cpu times: )|(?<=user )|(?<=sys: )|(?<=total: )|(?<=took )|(?<=elapsed:? )"
              + "|(?<=in )|(?<=time: )|(?<=time )|(?<=duration:? ))" + NUMBER + " ?" + UNIT + "\\b"
              + "|" + NUMBER + " ?" + UNIT + " ± " + NUMBER + " ?" + UNIT + "[^\\n]*"
              + "|" + NUMBER + " ?(?:it/s|s/it|samples/s|examples/s|tokens/s)\\b"
              + "|\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?=<|,| elapsed| remaining|\\])")));

  private VolatileText() {}

  public static Masked mask(String text) {
    SortedSet<Kind> kinds = new TreeSet<>();
    String current = text;
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(current);
      if (matcher.find()) {
        kinds.add(rule.kind());
        StringBuilder out = new StringBuilder();
        String replacement = Matcher.quoteReplacement("<" + rule.kind().label() + ">");
        do {
          matcher.appendReplacement(out, replacement);
        } while (matcher.find());
        matcher.appendTail(out);
        current = out.toString();
      }
    }
    return new Masked(current, kinds);
  }

  /** Kind labels, for messages: "memory address, timing". */
  public static String describe(SortedSet<Kind> kinds) {
    List<String> labels = new ArrayList<>();
    kinds.forEach(k -> labels.add(k.label()));
    return String.join(", ", labels).toLowerCase(Locale.ROOT).replace("html", "HTML").replace("uuid", "UUID");
  }
}
