package dev.lockstep.runtime.replay;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code lockstep replay} found.
 *
 * @param notebook the notebook as the user named it
 * @param twice whether two replays were compared with each other (else the replay with the saved outputs)
 * @param order the cell order
 * @param seeding as-is or seeded
 * @param python the interpreter
 * @param engine how cells ran ("ipython 8.5.0" or "plain python")
 * @param tolerance numbers and pixels
 * @param preludeError the determinism prelude's error, when it failed
 * @param notes what else the reader must know
 * @param cells every code cell's verdict, in document order
 */
public record ReplayReport(
    String notebook,
    boolean twice,
    ReplayOrder order,
    Seeding seeding,
    String python,
    String engine,
    Tolerance tolerance,
    Optional<String> preludeError,
    List<String> notes,
    List<CellReport> cells) {

  /** The verdict on the whole notebook. */
  public enum Outcome {
    /** Every compared cell identical, within tolerance or volatile only; none failed to run. */
    REPRODUCED("reproduced"),
    /** At least one cell differs, raised, or did not run. */
    NOT_REPRODUCED("not reproduced"),
    /** No cell could be compared (the notebook holds no saved outputs): no claim either way. */
    NOTHING_COMPARED("nothing compared");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public ReplayReport {
    notes = List.copyOf(notes);
    cells = List.copyOf(cells);
  }

  public Map<Verdict, Integer> counts() {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    for (CellReport cell : cells) {
      counts.merge(cell.verdict(), 1, Integer::sum);
    }
    return counts;
  }

  public int compared() {
    return (int) cells.stream().filter(c -> c.verdict() != Verdict.NOT_COMPARED).count();
  }

  public Outcome outcome() {
    if (cells.stream().anyMatch(c -> c.verdict() != Verdict.NOT_COMPARED && !c.verdict().reproduced())
        || preludeError.isPresent()) {
      return Outcome.NOT_REPRODUCED;
    }
    return compared() == 0 ? Outcome.NOTHING_COMPARED : Outcome.REPRODUCED;
  }

  /** 0 reproduced; 1 otherwise (nothing compared included: that is no success). */
  public int exitCode() {
    return outcome() == Outcome.REPRODUCED ? 0 : 1;
  }
}
