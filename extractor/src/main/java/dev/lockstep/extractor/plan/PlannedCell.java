package dev.lockstep.extractor.plan;

import java.util.Objects;

/**
 * A code cell on its way into the job.
 *
 * @param index   0-based position among all cells of the notebook
 * @param id      the cell id, or null
 * @param code    the cell's code as it will be written (IPython until the translation pass; plain Python after)
 * @param kept    whether the cell goes into the job
 * @param reason  why it is kept or left out, one line
 */
public record PlannedCell(int index, String id, String code, boolean kept, String reason) {

    public PlannedCell {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    /** 1-based position among all cells, as findings and markers name it. */
    public int number() {
        return index + 1;
    }

    public PlannedCell withCode(String newCode) {
        return new PlannedCell(index, id, newCode, kept, reason);
    }

    public PlannedCell withDecision(boolean keep, String why) {
        return new PlannedCell(index, id, code, keep, why);
    }
}
