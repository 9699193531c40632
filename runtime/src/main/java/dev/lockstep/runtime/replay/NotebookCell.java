package dev.lockstep.runtime.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A code cell as saved.
 *
 * @param index 0-based position among all cells
 * @param source the cell's text
 * @param executionCount the saved execution count, or null when it was never run
 * @param outputs the saved outputs, in nbformat 4 shape
 */
public record NotebookCell(int index, String source, Integer executionCount, ArrayNode outputs) {

  /** The 1-based number Jupyter front ends show and every Lockstep report uses. */
  public int number() {
    return index + 1;
  }

  /** Whether the saved notebook says anything about what this cell produced. */
  public boolean hasSavedResult() {
    return executionCount != null || !outputs.isEmpty();
  }
}
