package dev.lockstep.runtime.failure;

/**
 * A {@code # %% cell N (id X)} line in pipeline/main.py.
 *
 * @param cell 1-based position among all the notebook's cells
 * @param id the notebook cell id; null for notebooks without ids
 * @param line the marker's own line in main.py
 */
public record CellMarker(int cell, String id, int line) {

  /** "notebook cell 7 (id 3f2a1c9e)" or "notebook cell 7". */
  public String describe() {
    return "notebook cell " + cell + (id == null ? "" : " (id " + id + ")");
  }
}
