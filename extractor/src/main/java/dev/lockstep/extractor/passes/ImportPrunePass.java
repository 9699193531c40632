package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.analyzer.semantics.FunctionSummary;
import dev.lockstep.analyzer.semantics.ImportBinding;
import dev.lockstep.analyzer.semantics.NameRead;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.code.CellEdits;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes the slice inside kept cells: imports of display libraries (matplotlib, seaborn...)
 * that only left-out cells used are removed, so the job does not require what it never runs.
 * Other unused imports stay: importing a module can have effects (registering codecs, plugins).
 */
public final class ImportPrunePass implements Pass {

    private static final Set<String> DISPLAY_MODULES = Set.of("matplotlib", "seaborn", "plotly", "IPython", "ipywidgets",
            "bokeh", "altair", "missingno", "ydata_profiling", "pandas_profiling", "pylab", "graphviz", "tqdm");

    @Override
    public String name() {
        return "prune-imports";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        List<PlannedCell> kept = plan.keptCells();
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source(), kept);
        Set<String> read = new HashSet<>();
        for (AnalyzedCell cell : synthetic.analyzed().pythonCells()) {
            for (NameRead r : cell.semantics().reads()) {
                read.add(r.name());
            }
            for (FunctionSummary f : cell.semantics().functions().values()) {
                read.addAll(f.freeReads());
            }
        }
        ExtractionPlan.Builder next = plan.toBuilder();
        Map<Integer, List<Fix.Edit>> edits = new HashMap<>();
        for (AnalyzedCell cell : synthetic.analyzed().pythonCells()) {
            for (SyntaxNode statement : cell.root().namedChildren()) {
                if (!statement.is("import_statement") && !statement.is("import_from_statement")) {
                    continue;
                }
                List<ImportBinding> bound = cell.semantics().imports().stream().filter(b -> b.node() == statement).toList();
                if (bound.isEmpty() || bound.stream().anyMatch(b -> b.star() || read.contains(b.localName())
                        || !DISPLAY_MODULES.contains(b.topLevelModule()))) {
                    continue;
                }
                int end = statement.endOffset();
                String code = cell.translated().python();
                if (end < code.length() && code.charAt(end) == '\n') {
                    end++; // remove the whole line
                }
                edits.computeIfAbsent(cell.index(), k -> new ArrayList<>()).add(new Fix.Edit(statement.startOffset(), end, ""));
                next.change(new Change(name(), synthetic.planned(cell).number(), cell.position(statement).line(),
                        "removed '" + statement.text() + "': only left-out cells used it"));
            }
        }
        List<PlannedCell> cells = CellEdits.apply(plan.cells(), kept, edits);
        return next.cells(cells).build();
    }
}
