package dev.lockstep.analyzer.history;

/**
 * What a code cell does for the notebook's results, as far as the history rules care: whether
 * running it again (or never) can change what later cells compute.
 */
public enum CellRole {
    /** Only comments or blank lines: running it does nothing. */
    COMMENT_ONLY,
    /** Only package installs and other shell or magic setup lines: the environment, not values. */
    SETUP,
    /** Only shows things (prints, plots, bare expressions) or imports modules: binds no result. */
    DISPLAY,
    /** Trains a model ({@code fit}, {@code trainer.train()}, {@code loss.backward()}, a notebook function named train...). */
    TRAINING,
    /** Evaluates one ({@code evaluate}, {@code score}, sklearn metrics, a notebook function named evaluate/test...). */
    EVALUATION,
    /** Anything else: computes values later cells may use. */
    COMPUTATION;

    /** Whether running the cell again, or not at all, can change what other cells compute. */
    public boolean affectsResults() {
        return this == TRAINING || this == EVALUATION || this == COMPUTATION;
    }

    /** Whether the cell produces the numbers a notebook reports (a model, a metric). */
    public boolean producesResults() {
        return this == TRAINING || this == EVALUATION;
    }

    /** The role in words, for messages. */
    public String label() {
        return switch (this) {
            case COMMENT_ONLY -> "comment-only";
            case SETUP -> "setup";
            case DISPLAY -> "display";
            case TRAINING -> "training";
            case EVALUATION -> "evaluation";
            case COMPUTATION -> "computation";
        };
    }
}
