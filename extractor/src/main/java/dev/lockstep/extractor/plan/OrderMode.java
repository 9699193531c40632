package dev.lockstep.extractor.plan;

/** How extract orders the notebook's cells ({@code --order}). */
public enum OrderMode {
    /** Document order when it has no use-before-definition, else the recorded order when that resolves every name. */
    AUTO,
    /** Top to bottom, as the notebook reads. */
    DOCUMENT,
    /** By saved execution counts: the order the author last ran the cells. */
    RECORDED
}
