package dev.lockstep.analyzer.rules;

/** What {@code lockstep extract} does about a rule's findings. */
public enum Remedy {
    /** Extract rewrites the code so the gap is gone (seeds, sorted listings, translated magics). */
    FIXED("fixes it"),
    /** Extract lifts the value into lockstep.yaml (paths to inputs, literals to params, secrets to environment). */
    LIFTED("lifts it into lockstep.yaml"),
    /** Extract cannot decide: the job is written with a blocker the user must resolve. */
    BLOCKER("blocks until a human decides"),
    /** Extract keeps the code as it is and reports the finding; nothing in the job depends on it. */
    REPORTED("reports it");

    private final String description;

    Remedy(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether extract changes the job so the finding no longer applies. */
    public boolean isFixable() {
        return this == FIXED || this == LIFTED;
    }
}
