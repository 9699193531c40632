package dev.lockstep.runtime.replay;

/** The order replay runs a notebook's code cells in ({@code --order}). */
public enum ReplayOrder {
  /** Top to bottom, as the notebook reads. */
  DOCUMENT,
  /**
   * By saved execution counts, the order the author last ran them; cells never run in the saved
   * notebook come after, in document order.
   */
  RECORDED
}
