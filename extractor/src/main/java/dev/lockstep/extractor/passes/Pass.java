package dev.lockstep.extractor.passes;

import dev.lockstep.extractor.plan.ExtractionPlan;

/** One step of extraction: a plan in, a new plan out. Passes never mutate and never write files. */
public interface Pass {

    /** A short name for reports ({@code order}, {@code slice}...). */
    String name();

    ExtractionPlan apply(ExtractionPlan plan);
}
