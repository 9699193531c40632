package dev.lockstep.extractor;

import dev.lockstep.extractor.passes.IPythonPass;
import dev.lockstep.extractor.passes.OrderPass;
import dev.lockstep.extractor.passes.Pass;
import dev.lockstep.extractor.passes.SlicePass;
import dev.lockstep.extractor.plan.ExtractionPlan;
import java.util.List;

/** The passes of extraction, in order. Each is one job; the plan between them is a value. */
public final class ExtractionPipeline {
    private final List<Pass> passes;

    public ExtractionPipeline(List<Pass> passes) {
        this.passes = List.copyOf(passes);
    }

    public static ExtractionPipeline standard() {
        return new ExtractionPipeline(List.of(
                new OrderPass(),
                new SlicePass(),
                new IPythonPass()));
    }

    public List<Pass> passes() {
        return passes;
    }

    public ExtractionPlan run(ExtractionPlan plan) {
        ExtractionPlan current = plan;
        for (Pass pass : passes) {
            current = pass.apply(current);
        }
        return current;
    }
}
