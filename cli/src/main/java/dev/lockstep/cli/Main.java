package dev.lockstep.cli;

import picocli.CommandLine;

/** Entry point of the {@code lockstep} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int run(String... args) {
        return LockstepCommand.commandLine().execute(args);
    }
}
