package dev.lockstep.review;

/** The review board's reproducibility contract, item by item (docs/review.md). */
public enum ContractItem {
    DATA(1, "Training data pinned",
            "Training data pinned by content hash; filter steps written as code, not manual cells."),
    REVISIONS(2, "Model and dataset revisions pinned",
            "Base model, tokenizer and datasets pinned to exact revisions."),
    DEPENDENCIES(3, "Dependency closure pinned",
            "Dependency closure pinned: exact package versions; an image digest once built."),
    RANDOMNESS(4, "Randomness seeded",
            "Every source of randomness seeded; GPU determinism configured or a tolerance declared."),
    HYPERPARAMETERS(5, "Hyperparameters in config",
            "Hyperparameters in a versioned config, not literals."),
    HARDWARE(6, "Hardware shape declared",
            "Hardware shape declared."),
    CLEAN_RUN(7, "Runs top to bottom",
            "Runs top to bottom with no hidden state; outputs from one kernel session."),
    UNATTENDED(8, "No secrets, hosted-only APIs or interactive steps",
            "No secrets, no hosted-only APIs, no interactive steps."),
    REPRODUCED(9, "Reproduced",
            "A reproduction command exists and a verify run (or a replay) showed identical or within-tolerance outputs.");

    private final int number;
    private final String title;
    private final String text;

    ContractItem(int number, String title, String text) {
        this.number = number;
        this.title = title;
        this.text = text;
    }

    /** 1 to 9, as the contract numbers them. */
    public int number() {
        return number;
    }

    /** A few words. */
    public String title() {
        return title;
    }

    /** The contract's own sentence. */
    public String text() {
        return text;
    }

    public static ContractItem of(int number) {
        for (ContractItem item : values()) {
            if (item.number == number) {
                return item;
            }
        }
        throw new IllegalArgumentException("no contract item " + number + " (1-9)");
    }
}
