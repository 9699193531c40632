package dev.lockstep.runtime.replay;

import java.util.List;

/**
 * The verdict on one code cell.
 *
 * @param number the cell's 1-based number among all cells
 * @param verdict what replay found
 * @param detail the first difference, the error, or why it did not run ("" when identical)
 * @param volatileKinds the kinds of volatile text that differed, sorted
 * @param notes anything else the reader must know (output over the cap...)
 */
public record CellReport(int number, Verdict verdict, String detail, List<String> volatileKinds, List<String> notes) {

  public CellReport {
    volatileKinds = List.copyOf(volatileKinds);
    notes = List.copyOf(notes);
  }
}
