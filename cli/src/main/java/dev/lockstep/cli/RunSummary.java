package dev.lockstep.cli;

import dev.lockstep.runtime.JobException;
import dev.lockstep.runtime.RunOutcome;
import dev.lockstep.runtime.record.RunRecord;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** What {@code run} and {@code verify} print about a run once it is over. */
final class RunSummary {

    private RunSummary() {
    }

    /**
     * A run that succeeded: its id and time on stdout, where its record, log and outputs are,
     * and each output's path, size and sha256. A run that failed: why, on stderr, and where
     * its record and log are.
     */
    static void print(RunOutcome outcome, PrintWriter out, PrintWriter err) {
        RunRecord record = outcome.record();
        if (!outcome.succeeded()) {
            error(err, outcome.failureMessage().orElse("the job failed (exit code " + record.exitCode() + ")"));
            err.println("  record   " + outcome.recordFile());
            err.println("  log      " + outcome.logFile());
            err.flush();
            return;
        }
        out.println("run " + outcome.runId() + " succeeded in "
                + String.format(Locale.ROOT, "%.1f s", record.timing().durationMillis() / 1000.0));
        out.println("  record   " + outcome.recordFile());
        out.println("  log      " + outcome.logFile());
        out.println("  outputs  " + (record.outputs().isEmpty() ? "(lockstep.yaml declares none)"
                : outcome.runDirectory() + "/"));
        int nameWidth = 0;
        int pathWidth = 0;
        int sizeWidth = 0;
        for (Map.Entry<String, RunRecord.Output> output : record.outputs().entrySet()) {
            nameWidth = Math.max(nameWidth, output.getKey().length());
            pathWidth = Math.max(pathWidth, output.getValue().path().length());
            sizeWidth = Math.max(sizeWidth, String.valueOf(output.getValue().size()).length());
        }
        for (Map.Entry<String, RunRecord.Output> output : record.outputs().entrySet()) {
            RunRecord.Output file = output.getValue();
            String size = String.valueOf(file.size());
            out.println("    " + pad(output.getKey(), nameWidth) + "  " + pad(file.path(), pathWidth) + "  "
                    + " ".repeat(sizeWidth - size.length()) + size + " bytes  sha256 " + file.sha256());
        }
        out.flush();
    }

    /** A run refused before it started. */
    static int refused(JobException e, PrintWriter err) {
        error(err, e.getMessage());
        err.flush();
        return e.exitCode().code();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    static void error(PrintWriter err, String message) {
        err.println("lockstep: " + message.replace("\n", "\n  "));
    }
}
