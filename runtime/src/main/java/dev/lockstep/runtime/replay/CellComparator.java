package dev.lockstep.runtime.replay;

import dev.lockstep.runtime.compare.text.VolatileText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives one cell its verdict: against the outputs saved in the notebook, or (with --twice)
 * against the first replay.
 */
final class CellComparator {

  private final Tolerance tolerance;
  private final boolean twice;
  private final boolean savedOutputs;
  private final String referenceName;
  private final String candidateName;

  /**
   * @param savedOutputs whether the saved outputs say what the cells print (false for a notebook
   *     saved with every output cleared but its execution counts kept: it claims nothing)
   */
  CellComparator(Tolerance tolerance, boolean twice, boolean savedOutputs) {
    this.tolerance = tolerance;
    this.twice = twice;
    this.savedOutputs = savedOutputs;
    this.referenceName = twice ? "run 1" : "saved";
    this.candidateName = twice ? "run 2" : "replay";
  }

  /**
   * @param cell the cell as saved
   * @param reference run 1 with --twice, else null (the saved outputs are the reference)
   * @param candidate the replay (run 2 with --twice)
   */
  CellReport compare(NotebookCell cell, CellRun reference, CellRun candidate) {
    List<String> notes = new ArrayList<>();
    for (CellRun run : twice ? List.of(reference, candidate) : List.of(candidate)) {
      if (run.droppedChars() > 0) {
        notes.add((twice ? (run == reference ? "run 1" : "run 2") + ": " : "") + "output over the cap: "
            + run.droppedChars() + " characters were not kept, only what came before them is compared");
      }
    }
    for (CellRun run : twice ? List.of(reference, candidate) : List.of(candidate)) {
      String who = twice ? (run == reference ? "run 1: " : "run 2: ") : "";
      switch (run.status()) {
        case NOT_RUN, TIMED_OUT -> {
          return new CellReport(cell.number(), Verdict.NOT_RUN, who + run.note(), List.of(), notes);
        }
        case EXITED -> {
          return new CellReport(cell.number(), Verdict.ERROR, who + run.note(), List.of(), notes);
        }
        case RAN -> {
          // compared below
        }
      }
    }
    if (!twice && !cell.hasSavedResult()) {
      return new CellReport(cell.number(), Verdict.NOT_COMPARED,
          "never run in the saved notebook: no execution count and no outputs", List.of(), notes);
    }
    if (!twice && !savedOutputs) {
      return new CellReport(cell.number(), Verdict.NOT_COMPARED,
          "the saved notebook holds no outputs in any cell (saved with outputs cleared): nothing it claims", List.of(), notes);
    }
    CellOutputs a = CellOutputs.of(twice ? reference.outputs() : cell.outputs());
    CellOutputs b = CellOutputs.of(candidate.outputs());
    // An error message may name an object by its address: compare errors with volatile text masked.
    List<String> newErrors = unmatched(b.errors(), a.errors());
    if (twice) {
      List<String> lost = unmatched(a.errors(), b.errors());
      if (!lost.isEmpty() && newErrors.isEmpty()) {
        return new CellReport(cell.number(), Verdict.ERROR, "run 1 raised " + lost.get(0) + ", run 2 did not", List.of(), notes);
      }
    }
    if (!newErrors.isEmpty()) {
      String detail = (twice ? "run 2 raised " : "") + newErrors.get(0);
      if (!a.errors().isEmpty()) {
        detail += " (" + referenceName + ": " + a.errors().get(0) + ")";
      }
      return new CellReport(cell.number(), Verdict.ERROR, detail, List.of(), notes);
    }
    List<PartComparison> parts = new ArrayList<>();
    if (!a.errors().isEmpty() && b.errors().isEmpty()) {
      parts.add(PartComparison.of(Verdict.DIFFERS, referenceName + " shows " + a.errors().get(0) + ", "
          + candidateName + " raised nothing"));
    }
    parts.add(text("stdout", a.stdout(), b.stdout()));
    parts.add(text("stderr", a.stderr(), b.stderr()));
    if (a.rich().size() != b.rich().size()) {
      parts.add(PartComparison.of(Verdict.DIFFERS, referenceName + " shows " + results(a.rich().size()) + ", "
          + candidateName + " " + results(b.rich().size()) + describeFirst(a.rich(), b.rich())));
    } else {
      for (int i = 0; i < a.rich().size(); i++) {
        parts.addAll(bundle(i + 1, a.rich().get(i), b.rich().get(i)));
      }
    }
    Verdict verdict = Verdict.IDENTICAL;
    String detail = "";
    Set<String> kinds = new TreeSet<>();
    for (PartComparison part : parts) {
      if (part.verdict().ordinal() > verdict.ordinal()) {
        verdict = part.verdict();
        detail = part.detail();
      }
      kinds.addAll(part.volatileKinds());
    }
    return new CellReport(cell.number(), verdict, detail,
        verdict == Verdict.VOLATILE_ONLY || verdict == Verdict.DIFFERS ? List.copyOf(kinds) : List.of(), notes);
  }

  /** The errors of {@code errors} that {@code others} do not show, volatile text aside. */
  private static List<String> unmatched(List<String> errors, List<String> others) {
    List<String> masked = new ArrayList<>();
    others.forEach(e -> masked.add(VolatileText.mask(e).text()));
    List<String> result = new ArrayList<>();
    for (String error : errors) {
      if (!masked.remove(VolatileText.mask(error).text())) {
        result.add(error);
      }
    }
    return result;
  }

  private PartComparison text(String part, String a, String b) {
    return TextComparison.compare(part, a, b, tolerance, referenceName, candidateName);
  }

  private List<PartComparison> bundle(int position, Map<String, String> a, Map<String, String> b) {
    Set<String> shared = new LinkedHashSet<>(new TreeSet<>(a.keySet()));
    shared.retainAll(b.keySet());
    if (shared.isEmpty()) {
      return List.of(PartComparison.of(Verdict.DIFFERS, "output " + position + ": " + referenceName + " has "
          + new TreeSet<>(a.keySet()) + ", " + candidateName + " " + new TreeSet<>(b.keySet())));
    }
    List<PartComparison> parts = new ArrayList<>();
    for (String mime : shared) {
      String part = "output " + position + " " + mime;
      if (mime.equals("image/png") || mime.equals("image/jpeg")) {
        parts.add(ImageComparison.compare(part, a.get(mime), b.get(mime), tolerance, referenceName, candidateName));
      } else {
        parts.add(text(part, a.get(mime), b.get(mime)));
      }
    }
    return parts;
  }

  private static String results(int n) {
    return n + (n == 1 ? " result" : " results");
  }

  private String describeFirst(List<Map<String, String>> a, List<Map<String, String>> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).keySet().equals(b.get(i).keySet())
          || !TextComparison.normalize(a.get(i).getOrDefault("text/plain", "")).equals(
              TextComparison.normalize(b.get(i).getOrDefault("text/plain", "")))) {
        return " (first difference at output " + (i + 1) + ": " + referenceName + " "
            + TextComparison.quote(firstLine(a.get(i))) + ", " + candidateName + " " + TextComparison.quote(firstLine(b.get(i))) + ")";
      }
    }
    List<Map<String, String>> longer = a.size() > b.size() ? a : b;
    return " (" + (a.size() > b.size() ? referenceName : candidateName) + " also shows "
        + TextComparison.quote(firstLine(longer.get(Math.min(a.size(), b.size())))) + ")";
  }

  private static String firstLine(Map<String, String> bundle) {
    String plain = bundle.getOrDefault("text/plain", String.join(", ", new TreeSet<>(bundle.keySet())));
    int end = plain.indexOf('\n');
    return end < 0 ? plain : plain.substring(0, end);
  }
}
