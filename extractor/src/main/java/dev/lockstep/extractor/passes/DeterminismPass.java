package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.analyzer.rules.NotebookChecker;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.semantics.StringLiterals;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.code.CellEdits;
import dev.lockstep.extractor.code.TextEdits;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pass 6: makes the job deterministic. Chooses the determinism prelude for exactly the
 * frameworks the kept code imports (written by the emitter before the first cell), puts
 * interpreter-level settings ({@code PYTHONHASHSEED}, {@code CUBLAS_WORKSPACE_CONFIG},
 * {@code XLA_FLAGS}) into the config's environment for the launcher to set before Python
 * starts, and applies the call-level fixes that fixable rules attach to their findings
 * ({@code random_state=}, {@code generator=}, {@code sorted(...)}). With
 * {@code --no-determinism} it changes nothing, so runs can be shown to differ.
 */
public final class DeterminismPass implements Pass {

    /** Imported top-level modules the prelude knows how to make deterministic. */
    private static final Set<String> FRAMEWORKS = Set.of("random", "numpy", "torch", "tensorflow", "keras", "jax",
            "transformers");

    @Override
    public String name() {
        return "determinism";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        List<PlannedCell> kept = plan.keptCells();
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source(), kept);
        AnalyzedNotebook code = synthetic.analyzed();
        ExtractionPlan.Builder next = plan.toBuilder();
        next.accelerator(usesCuda(code) ? "cuda" : "cpu");
        if (!plan.options().determinism()) {
            next.change(new Change(name(), 0, 0, "determinism prelude and call-level fixes disabled (--no-determinism)"));
            return next.build();
        }
        for (String module : code.imports().importedModules()) {
            if (FRAMEWORKS.contains(module)) {
                next.framework(module.equals("keras") ? "tensorflow" : module);
            }
        }
        Map<String, String> environment = plan.environment();
        long hashSeed = Math.floorMod(plan.options().seed(), 4294967296L);
        putUnlessSet(next, environment, "PYTHONHASHSEED", Long.toString(hashSeed));
        if (code.imports().imports("torch")) {
            putUnlessSet(next, environment, "CUBLAS_WORKSPACE_CONFIG", ":4096:8");
        }
        if (code.imports().imports("jax")) {
            putUnlessSet(next, environment, "XLA_FLAGS", "--xla_gpu_deterministic_ops=true");
        }
        return applyFixes(next, plan, kept, synthetic).build();
    }

    private static void putUnlessSet(ExtractionPlan.Builder next, Map<String, String> environment, String name, String value) {
        if (!environment.containsKey(name)) {
            next.environment(name, value);
        }
    }

    /** Applies the fixes of every finding of a rule whose remedy is FIXED. */
    private ExtractionPlan.Builder applyFixes(ExtractionPlan.Builder next, ExtractionPlan plan, List<PlannedCell> kept,
            SyntheticNotebook synthetic) {
        List<Rule> fixable = BuiltInRules.all().stream().filter(r -> r.metadata().remedy() == Remedy.FIXED).toList();
        List<Finding> findings = new NotebookChecker(RuleSet.of(fixable, null, Set.of(), Map.of())).check(synthetic.analyzed());
        Map<Integer, List<Fix.Edit>> edits = new HashMap<>();
        for (Finding finding : findings) {
            if (finding.fix() == null || finding.location().cell() <= 0) {
                continue;
            }
            int k = finding.location().cell() - 1;
            List<Fix.Edit> cellEdits = edits.computeIfAbsent(k, x -> new ArrayList<>());
            List<Fix.Edit> combined = new ArrayList<>(cellEdits);
            combined.addAll(finding.fix().edits());
            if (TextEdits.overlap(combined)) {
                next.change(new Change(name(), synthetic.planned(k).number(), finding.location().line(),
                        "not applied (overlaps another fix): " + finding.fix().title()));
                continue;
            }
            cellEdits.addAll(finding.fix().edits());
            next.change(new Change(name(), synthetic.planned(k).number(), finding.location().line(),
                    finding.ruleId() + ": " + finding.fix().title()));
        }
        List<PlannedCell> cells = CellEdits.apply(plan.cells(), kept, edits);
        return next.cells(cells);
    }

    /** Whether the code asks for CUDA: torch.cuda calls, .cuda(), or a "cuda" device string. */
    static boolean usesCuda(AnalyzedNotebook code) {
        for (CallSite call : code.calls()) {
            if (call.isIn("torch.cuda.") || "cuda".equals(call.methodName()) && call.qualifiedName() == null) {
                return true;
            }
            for (var argument : call.positional()) {
                String value = StringLiterals.value(argument);
                if (value != null && value.startsWith("cuda")) {
                    return true;
                }
            }
        }
        return false;
    }
}
