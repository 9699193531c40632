package dev.lockstep.extractor.code;

import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies edits found on a {@link SyntheticNotebook} back to the plan's cells. */
public final class CellEdits {
    private CellEdits() {
    }

    /**
     * The plan's cells with each kept cell's edits applied; {@code edits} is keyed by the cell's
     * position among {@code kept} (the synthetic notebook's cell index).
     */
    public static List<PlannedCell> apply(List<PlannedCell> all, List<PlannedCell> kept, Map<Integer, List<Fix.Edit>> edits) {
        List<PlannedCell> cells = new ArrayList<>(all.size());
        for (PlannedCell cell : all) {
            int k = kept.indexOf(cell);
            List<Fix.Edit> cellEdits = k < 0 ? null : edits.get(k);
            cells.add(cellEdits == null ? cell : cell.withCode(TextEdits.apply(cell.code(), cellEdits)));
        }
        return cells;
    }
}
