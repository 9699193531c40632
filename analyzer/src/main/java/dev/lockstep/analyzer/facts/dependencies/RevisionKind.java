package dev.lockstep.analyzer.facts.dependencies;

import java.util.regex.Pattern;

/**
 * What a revision string names: a full commit (immutable), a short hash, a release tag (movable,
 * but rarely moved), or a branch (moves with every push).
 */
public enum RevisionKind {
    /** No revision given, or {@code None}: the default branch. */
    MISSING,
    /** 40 hex digits: one commit, forever. */
    FULL_COMMIT,
    /** 7 to 39 hex digits: a commit to git, but not resolved by the Hugging Face Hub. */
    SHORT_HASH,
    /** A release-looking tag: {@code v1.2.0}, {@code 2.0}, {@code refs/tags/x}. */
    TAG,
    /** Anything else: {@code main}, {@code dev}, {@code refs/pr/3}. */
    BRANCH,
    /** Computed at run time: unknown to analysis. */
    UNKNOWN;

    private static final Pattern FULL = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern SHORT = Pattern.compile("[0-9a-fA-F]{7,39}");
    private static final Pattern VERSION = Pattern.compile("[vV]?\\d+(\\.\\d+)*([._+-]?[A-Za-z0-9]+)*");

    /** Classifies a revision string; null means the value is unknown. */
    public static RevisionKind of(String revision) {
        if (revision == null) {
            return UNKNOWN;
        }
        String r = revision.strip();
        if (r.isEmpty()) {
            return MISSING;
        }
        if (FULL.matcher(r).matches()) {
            return FULL_COMMIT;
        }
        if (SHORT.matcher(r).matches()) {
            return SHORT_HASH;
        }
        if (r.startsWith("refs/tags/") || r.startsWith("tags/")) {
            return TAG;
        }
        return VERSION.matcher(r).matches() && !r.contains("/") ? TAG : BRANCH;
    }
}
