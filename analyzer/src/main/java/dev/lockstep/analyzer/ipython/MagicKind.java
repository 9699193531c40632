package dev.lockstep.analyzer.ipython;

/** The IPython escapes Lockstep recognises. */
public enum MagicKind {
    /** {@code %name args}, also {@code x = %name args}. */
    LINE_MAGIC,
    /** {@code %%name args} on a cell's first line; the rest of the cell is its body. */
    CELL_MAGIC,
    /** {@code !cmd} (system), {@code !!cmd} and {@code x = !cmd} (captured output). */
    SHELL,
    /** {@code obj?}, {@code obj??}, {@code ?obj}: help, which has no effect on state. */
    HELP
}
