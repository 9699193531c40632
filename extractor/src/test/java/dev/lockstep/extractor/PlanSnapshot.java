package dev.lockstep.extractor;

import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import dev.lockstep.extractor.plan.OutputSpec;
import dev.lockstep.extractor.plan.Param;
import dev.lockstep.extractor.plan.PlannedCell;
import dev.lockstep.extractor.plan.Requirement;

/** A plan as reviewable text, for golden tests of the passes. */
public final class PlanSnapshot {
    private PlanSnapshot() {
    }

    public static String of(ExtractionPlan plan) {
        StringBuilder out = new StringBuilder();
        if (plan.order() != null) {
            out.append("order: ").append(plan.order().mode()).append(" — ").append(plan.order().reason()).append('\n');
        }
        for (PlannedCell cell : plan.cells()) {
            out.append("--- cell ").append(cell.number()).append(": ")
                    .append(cell.reason().isEmpty() ? (cell.kept() ? "kept" : "left out") : cell.reason()).append('\n');
            if (cell.kept()) {
                out.append(cell.code().stripTrailing()).append('\n');
            }
        }
        for (Param p : plan.params()) {
            out.append("param ").append(p.name()).append(" = ").append(p.value()).append(" (").append(p.type())
                    .append(", cell ").append(p.cell()).append(":").append(p.line()).append(")\n");
        }
        for (InputSpec i : plan.inputs()) {
            out.append("input ").append(i.name()).append(": ").append(i.path()).append(i.remote() ? " (remote)" : "")
                    .append(i.sha256() == null ? " unbound" : " sha256 " + i.sha256().substring(0, 12)).append('\n');
        }
        for (OutputSpec o : plan.outputs()) {
            out.append("output ").append(o.name()).append(": ").append(o.path())
                    .append(o.compare().isBytes() ? " bytes" : " atol=" + o.compare().atol() + " rtol=" + o.compare().rtol())
                    .append('\n');
        }
        plan.environment().forEach((k, v) -> out.append("environment ").append(k).append('=').append(v).append('\n'));
        plan.secrets().forEach(s -> out.append("secret ").append(s).append('\n'));
        for (Requirement r : plan.requirements()) {
            out.append("requirement ").append(r.line()).append(r.importName() == null ? "" : " (import " + r.importName() + ")")
                    .append('\n');
        }
        if (!plan.frameworks().isEmpty()) {
            out.append("prelude ").append(String.join(", ", plan.frameworks())).append('\n');
        }
        out.append("accelerator ").append(plan.accelerator()).append('\n');
        plan.shipped().forEach((path, source) -> out.append("ship ").append(path).append(" <- ")
                .append(source.getFileName()).append(plan.rewritten().containsKey(source) ? " (rewritten)" : "").append('\n'));
        for (Blocker b : plan.blockers()) {
            out.append("blocker ").append(b.ruleId()).append(" cell ").append(b.cell()).append(':').append(b.line())
                    .append(": ").append(b.message()).append(" -> ").append(b.decision()).append('\n');
        }
        for (Change c : plan.changes()) {
            out.append("change [").append(c.pass()).append("] cell ").append(c.cell()).append(':').append(c.line())
                    .append(": ").append(c.summary()).append('\n');
        }
        return out.toString();
    }
}
