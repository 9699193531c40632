package dev.lockstep.analyzer.rules;

/** The rule families of the catalogue (RULES.md). */
public enum Category {
    /** Findings about Lockstep's own suppression comments and tags (reported after every other rule). */
    SUPPRESSIONS("LS0", "suppressions"),
    EXECUTION_ORDER("LS1", "execution order and hidden kernel state"),
    PATHS("LS2", "paths and external resources"),
    RANDOMNESS("LS3", "randomness and determinism"),
    DEPENDENCIES("LS4", "dependencies and pinning"),
    PORTABILITY("LS5", "notebook structure and portability"),
    SECRETS("LS6", "secrets"),
    CUSTOM("LSX", "team rules from lockstep.toml");

    private final String prefix;
    private final String title;

    Category(String prefix, String title) {
        this.prefix = prefix;
        this.title = title;
    }

    public String prefix() {
        return prefix;
    }

    public String title() {
        return title;
    }
}
