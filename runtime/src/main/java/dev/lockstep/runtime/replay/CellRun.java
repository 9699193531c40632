package dev.lockstep.runtime.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What one replay did with one cell.
 *
 * @param index the cell's 0-based index among all cells
 * @param status whether it ran, timed out or never started
 * @param outputs what it produced, in nbformat 4 shape (empty unless it ran)
 * @param droppedChars characters of output over the cap that were not kept
 * @param note why it did not run or stopped, for the report ("" when it ran)
 */
public record CellRun(int index, Status status, ArrayNode outputs, long droppedChars, String note) {

  /** How a cell's run ended. */
  public enum Status {
    /** It ran to the end (possibly raising an exception, shown in its outputs). */
    RAN,
    /** It ran past the per-cell timeout and was interrupted. */
    TIMED_OUT,
    /** The interpreter exited or was stopped while it ran. */
    EXITED,
    /** It never started: an earlier cell ended the interpreter, or the whole replay ran out of time. */
    NOT_RUN
  }

  static CellRun notRun(int index, String note) {
    return new CellRun(index, Status.NOT_RUN, JsonNodeFactory.instance.arrayNode(), 0, note);
  }
}
