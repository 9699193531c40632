package dev.lockstep.analyzer.rules;

import java.util.List;
import java.util.Objects;

/**
 * A fix as data: edits to a cell's Python that remove the finding. Rules never apply fixes;
 * {@code lockstep extract} applies the fixes of rules whose remedy is {@link Remedy#FIXED}.
 *
 * <p>Edits are offsets into the analysed cell's translated Python (the text the
 * {@code SyntaxNode}s index). Replacement text may use {@link #SEED_NAME}, a name the job's
 * determinism prelude defines, and the helpers the prelude provides
 * ({@code lockstep_generator()}, {@code lockstep_seed_worker}).
 *
 * @param title         what the fix does, one line ("pass random_state=LOCKSTEP_SEED")
 * @param edits         non-overlapping edits, any order
 * @param applicability whether applying it keeps what the program means (SAFE), or may change a
 *                      result the user should look at (UNSAFE); extract applies both and lists
 *                      unsafe ones in the job's README as changes to review
 */
public record Fix(String title, List<Edit> edits, Applicability applicability) {

    /** Whether a fix keeps the program's meaning. */
    public enum Applicability {
        /** Same program, made deterministic (a seed passed, a listing sorted). */
        SAFE,
        /** May change a result (a setting turned off that changes speed or numerics). */
        UNSAFE
    }

    /** A safe fix. */
    public Fix(String title, List<Edit> edits) {
        this(title, edits, Applicability.SAFE);
    }

    /** The same edits, marked unsafe. */
    public Fix unsafe() {
        return new Fix(title, edits, Applicability.UNSAFE);
    }

    /** The seed variable the job's prelude defines from lockstep.yaml's {@code seed}. */
    public static final String SEED_NAME = "LOCKSTEP_SEED";

    public Fix {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(applicability, "applicability");
        edits = List.copyOf(edits);
    }

    /**
     * Replace {@code [start, end)} of the cell's translated Python with {@code replacement}
     * (an insertion when start == end).
     */
    public record Edit(int start, int end, String replacement) {
        public Edit {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad edit range " + start + ".." + end);
            }
            Objects.requireNonNull(replacement, "replacement");
        }
    }
}
