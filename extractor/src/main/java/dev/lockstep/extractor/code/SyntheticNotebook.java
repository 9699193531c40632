package dev.lockstep.extractor.code;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.CellType;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.List;

/**
 * A notebook made of planned cells in run order, analysed like any notebook, so passes can ask
 * the analyzer about the code as it stands now (qualified names, scopes, findings) rather than
 * about the notebook as it was saved. Cell k of the synthetic notebook is the k-th planned cell.
 */
public final class SyntheticNotebook {
    private static final NotebookAnalyzer ANALYZER = new NotebookAnalyzer();

    private final AnalyzedNotebook analyzed;
    private final List<PlannedCell> cells;

    private SyntheticNotebook(AnalyzedNotebook analyzed, List<PlannedCell> cells) {
        this.analyzed = analyzed;
        this.cells = List.copyOf(cells);
    }

    /**
     * The last analysis on this thread. Consecutive passes often leave the code unchanged (a pass
     * that finds nothing to lift), and analysis dominates extraction time, so an identical request
     * reuses it. Keyed by the original notebook's identity and the cells' values.
     */
    private static final ThreadLocal<SyntheticNotebook> LAST = new ThreadLocal<>();
    private AnalyzedNotebook original;

    /**
     * Analyses the given cells, in the given order, as one notebook run top to bottom, with the
     * source's I/O catalogue (a team's {@code [[io]]} APIs count in the job as in the notebook).
     */
    public static SyntheticNotebook of(AnalyzedNotebook source, List<PlannedCell> cells) {
        SyntheticNotebook last = LAST.get();
        if (last != null && last.original == source && last.cells.equals(cells)) {
            return last;
        }
        SyntheticNotebook analyzed = analyze(source.notebook(), cells);
        analyzed.analyzed.useCatalogue(source.catalogue());
        analyzed.original = source;
        LAST.set(analyzed);
        return analyzed;
    }

    private static SyntheticNotebook analyze(Notebook original, List<PlannedCell> cells) {
        List<Cell> synthetic = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            PlannedCell planned = cells.get(i);
            synthetic.add(new Cell(i, planned.id(), CellType.CODE, planned.code(), i + 1, List.of(), List.of()));
        }
        Notebook notebook = new Notebook(original.path(), 4, 5, original.metadata(), synthetic, original.sha256());
        return new SyntheticNotebook(ANALYZER.analyze(notebook), cells);
    }

    public AnalyzedNotebook analyzed() {
        return analyzed;
    }

    /** The planned cell behind synthetic cell {@code k}. */
    public PlannedCell planned(int k) {
        return cells.get(k);
    }

    public PlannedCell planned(AnalyzedCell cell) {
        return cells.get(cell.index());
    }

    public int size() {
        return cells.size();
    }
}
