package dev.lockstep.extractor;

import dev.lockstep.extractor.passes.BlockerPass;
import dev.lockstep.extractor.passes.DependencyPass;
import dev.lockstep.extractor.passes.DeterminismPass;
import dev.lockstep.extractor.passes.IPythonPass;
import dev.lockstep.extractor.passes.ImportPrunePass;
import dev.lockstep.extractor.passes.InputBindingPass;
import dev.lockstep.extractor.passes.InputOutputPass;
import dev.lockstep.extractor.passes.ModuleInputsPass;
import dev.lockstep.extractor.passes.ParamPass;
import dev.lockstep.extractor.passes.SecretPass;
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
                new IPythonPass(),
                new ImportPrunePass(),
                new InputOutputPass(),
                new ModuleInputsPass(),
                new InputBindingPass(),
                new ParamPass(),
                new DeterminismPass(),
                new SecretPass(),
                new DependencyPass(),
                new BlockerPass()));
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
