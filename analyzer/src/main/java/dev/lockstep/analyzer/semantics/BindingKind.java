package dev.lockstep.analyzer.semantics;

/** How a module-level name came to be bound. */
public enum BindingKind {
    ASSIGNMENT,
    AUGMENTED_ASSIGNMENT,
    IMPORT,
    FUNCTION,
    CLASS,
    FOR_TARGET,
    WITH_TARGET,
    EXCEPT_TARGET,
    WALRUS,
    MATCH_CAPTURE,
    /** Assigned inside a function under a {@code global} declaration: bound when the function runs. */
    GLOBAL_IN_FUNCTION,
    /** {@code x = !cmd}, {@code x = %magic}, {@code %%capture x}, {@code %store -r x}. */
    MAGIC
}
