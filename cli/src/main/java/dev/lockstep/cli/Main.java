package dev.lockstep.cli;

import java.io.PrintWriter;

/** Entry point of the {@code lockstep} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line with the process's streams and returns the exit code. */
    public static int run(String... args) {
        return LockstepCommand.commandLine().execute(args);
    }

    /** Runs the command line writing to the given streams (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var commandLine = LockstepCommand.commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
