package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.history.CellRoles;
import dev.lockstep.analyzer.history.ExecutionHistory;
import dev.lockstep.analyzer.notebook.OutputKind;
import dev.lockstep.extractor.code.CellEffects;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pass 2: keeps the cells that contribute to what the notebook saves, by the def/use graph in
 * run order, and leaves out exploration (previews, plots, prints) with a reason per cell.
 *
 * <p>Seeds: cells that write files. Then, for each kept cell and each name it reads or
 * changes, the cell that last bound the name before it and every cell in between that may
 * have changed it. Cells that change process-wide state (seeds, working directory, environment,
 * files through the shell) are kept conservatively, as is anything analysis cannot see
 * into; only cells proven irrelevant are left out.
 */
public final class SlicePass implements Pass {

    @Override
    public String name() {
        return "slice";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        List<PlannedCell> cells = plan.cells();
        if (plan.options().keepAll()) {
            List<PlannedCell> kept = cells.stream().map(c -> c.withDecision(true, "kept: --keep-all")).toList();
            return plan.toBuilder().cells(kept).build();
        }
        AnalyzedNotebook source = plan.source();
        Map<Integer, CellEffects> effects = CellEffects.of(source);
        Map<Integer, String> reasons = new LinkedHashMap<>();
        Deque<Integer> work = new ArrayDeque<>();
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            position.put(cells.get(i).index(), i);
        }
        Map<Integer, String> raisedAlone = raisedAtTheirOnlyStatement(source, cells);
        for (Integer index : raisedAlone.keySet()) {
            effects.remove(index); // it changed nothing: no name it binds, no file it writes
        }
        for (PlannedCell cell : cells) {
            CellEffects e = effects.get(cell.index());
            if (e == null) {
                continue; // not Python: decided by the translation pass
            }
            if (!e.writes().isEmpty()) {
                keep(reasons, work, cell.index(), "saves output: " + String.join(", ", e.writes()));
            }
        }
        boolean savesSomething = !reasons.isEmpty();
        while (!work.isEmpty()) {
            int index = work.pop();
            CellEffects needed = effects.get(index);
            int at = position.get(index);
            for (String name : union(needed.reads(), needed.mutates())) {
                int binder = -1;
                for (int p = at - 1; p >= 0; p--) {
                    CellEffects e = effects.get(cells.get(p).index());
                    if (e != null && e.binds().contains(name)) {
                        binder = p;
                        break;
                    }
                }
                if (binder < 0) {
                    continue;
                }
                keep(reasons, work, cells.get(binder).index(),
                        "defines '" + name + "' used by cell " + (index + 1));
                for (int p = binder + 1; p < at; p++) {
                    CellEffects e = effects.get(cells.get(p).index());
                    if (e != null && e.mutates().contains(name) && !e.displayOnly()) {
                        keep(reasons, work, cells.get(p).index(), "changes '" + name + "' used by cell " + (index + 1));
                    }
                }
            }
        }
        List<PlannedCell> decided = new ArrayList<>();
        List<Integer> conservative = new ArrayList<>();
        for (PlannedCell cell : cells) {
            CellEffects e = effects.get(cell.index());
            String reason = reasons.get(cell.index());
            if (raisedAlone.containsKey(cell.index())) {
                decided.add(cell.withDecision(false, "left out: its only statement raised " + raisedAlone.get(cell.index())
                        + " in the saved session, so it changed nothing the saved results saw"));
            } else if (reason != null) {
                decided.add(cell.withDecision(true, "kept: " + reason));
            } else if (e == null) {
                decided.add(cell.withDecision(true, "kept: not parsed as Python"));
            } else if (!savesSomething) {
                decided.add(cell.withDecision(true, "kept: the notebook saves no output, so every cell is kept"));
            } else if (source.cell(cell.index()).hasSyntaxErrors()) {
                decided.add(cell.withDecision(true, "kept conservatively: it does not parse, so what it does cannot be known"));
            } else if (!e.globalEffects().isEmpty()) {
                decided.add(cell.withDecision(true, "kept conservatively: changes process-wide state ("
                        + String.join(", ", e.globalEffects()) + ")"));
                conservative.add(cell.index());
            } else if (onlyInstallsPackages(source, cell)) {
                decided.add(cell.withDecision(false, "left out: package installs become pipeline/requirements.txt"));
            } else if (e.displayOnly()) {
                decided.add(cell.withDecision(false, "left out: exploration only (displays, prints or plots)"));
            } else if (cell.code().isBlank()) {
                decided.add(cell.withDecision(false, "left out: empty"));
            } else {
                decided.add(cell.withDecision(false, "left out: nothing it computes is used by a saved output"));
            }
        }
        ExtractionPlan.Builder next = plan.toBuilder().cells(decided);
        if (!savesSomething) {
            next.blocker(new Blocker("EX001", 0, 0, "the notebook saves no output (no model, metrics or data file is written)",
                    "decide what the job produces and save it in the notebook (e.g. torch.save, to_csv, json.dump), then extract again"));
        }
        // Conservative cells may depend on others: keep what they need too.
        if (!conservative.isEmpty()) {
            return apply(plan, decided, conservative, effects, position, next);
        }
        return next.build();
    }

    /** Re-runs the dependency closure from conservatively kept cells. */
    private ExtractionPlan apply(ExtractionPlan plan, List<PlannedCell> decided, List<Integer> roots,
            Map<Integer, CellEffects> effects, Map<Integer, Integer> position, ExtractionPlan.Builder next) {
        Map<Integer, String> extra = new LinkedHashMap<>();
        Deque<Integer> work = new ArrayDeque<>(roots);
        List<PlannedCell> cells = decided;
        while (!work.isEmpty()) {
            int index = work.pop();
            int at = position.get(index);
            CellEffects needed = effects.get(index);
            for (String name : union(needed.reads(), needed.mutates())) {
                for (int p = at - 1; p >= 0; p--) {
                    PlannedCell candidate = cells.get(p);
                    CellEffects e = effects.get(candidate.index());
                    if (e != null && e.binds().contains(name)) {
                        if (!candidate.kept() && !extra.containsKey(candidate.index())) {
                            extra.put(candidate.index(), "defines '" + name + "' used by cell " + (index + 1));
                            work.push(candidate.index());
                        }
                        break;
                    }
                }
            }
        }
        if (extra.isEmpty()) {
            return next.build();
        }
        List<PlannedCell> updated = new ArrayList<>();
        for (PlannedCell cell : cells) {
            String reason = extra.get(cell.index());
            updated.add(reason == null ? cell : cell.withDecision(true, "kept: " + reason));
        }
        return next.cells(updated).build();
    }

    /**
     * Cells whose saved run raised at their only statement ({@code tup[2] = False} showing a
     * TypeError on purpose), with the error's name: the saved session went on without any effect
     * of theirs, so the job leaves them out instead of stopping there. Training and evaluation
     * cells, and interrupted runs, stay: a failure there is the reviewer's to decide (LS503).
     */
    private static Map<Integer, String> raisedAtTheirOnlyStatement(AnalyzedNotebook source, List<PlannedCell> cells) {
        Map<Integer, String> raised = new HashMap<>();
        CellRoles roles = CellRoles.of(source);
        for (PlannedCell cell : cells) {
            var analyzed = source.cell(cell.index());
            if (!analyzed.isPython() || analyzed.hasSyntaxErrors() || !ExecutionHistory.failed(analyzed.cell())
                    || roles.of(analyzed).producesResults() || !analyzed.magics().isEmpty()) {
                continue;
            }
            long statements = analyzed.root().namedChildren().stream().filter(n -> !n.is("comment")).count();
            String error = analyzed.cell().outputs().stream().filter(o -> o.kind() == OutputKind.ERROR)
                    .map(o -> o.errorName() == null ? "an error" : o.errorName()).findFirst().orElse("an error");
            if (statements == 1 && !error.equals("KeyboardInterrupt")) {
                raised.put(cell.index(), error.replaceAll("[^\\w.]", ""));
            }
        }
        return raised;
    }

    private static boolean onlyInstallsPackages(AnalyzedNotebook source, PlannedCell cell) {
        var analyzed = source.cell(cell.index());
        if (analyzed.magics().isEmpty() || !analyzed.magics().stream().allMatch(m -> m.isPipInstall())) {
            return false;
        }
        return analyzed.root().namedChildren().stream()
                .allMatch(s -> s.is("comment") || analyzed.translated().sourceMap().isRewritten(s.startLine()));
    }

    private static void keep(Map<Integer, String> reasons, Deque<Integer> work, int index, String reason) {
        if (!reasons.containsKey(index)) {
            reasons.put(index, reason);
            work.push(index);
        }
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
