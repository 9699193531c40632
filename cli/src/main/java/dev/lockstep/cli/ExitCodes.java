package dev.lockstep.cli;

/** The exit codes every command shares. */
public final class ExitCodes {
    /** Success, nothing at or above the threshold. */
    public static final int OK = 0;
    /** Findings at or above the threshold, blockers, failed runs or mismatches. */
    public static final int FINDINGS = 1;
    /** Bad usage, unreadable input, or an internal error. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
