package dev.lockstep.analyzer.report;

import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.InventoryItem;
import dev.lockstep.analyzer.rules.Location;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.scan.FileReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human format: per notebook with findings, a verdict line and its top causes by effect on
 * results, then one line per finding ({@code path:cell N:line:col: ID severity name: message})
 * followed by a code frame with a caret; error lines for unreadable files, and a summary.
 * Colour is added only when asked for (the CLI asks on a terminal).
 */
public final class TextReport {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BLUE = "\u001b[34m";
    private static final String CYAN = "\u001b[36m";

    /** How many causes the verdict names, and how wide each line may be. */
    private static final int TOP_CAUSES = 3;
    private static final int CAUSE_WIDTH = 160;

    private final PrintWriter out;
    private final boolean color;
    private final boolean codeFrames;
    private long files;
    private long failed;
    private long errors;
    private long warnings;
    private long infos;

    public TextReport(PrintWriter out, boolean color, boolean codeFrames) {
        this.out = out;
        this.color = color;
        this.codeFrames = codeFrames;
    }

    /** Writes one file's findings or error line. */
    public void write(FileReport report) {
        files++;
        if (report.failed()) {
            failed++;
            out.println(paint(BOLD, report.path()) + ": " + paint(RED + BOLD, "error") + ": " + report.error());
            return;
        }
        if (!report.findings().isEmpty()) {
            writeVerdict(report);
        }
        for (Finding finding : report.findings()) {
            switch (finding.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
            out.println(headline(report.path(), finding));
            if (codeFrames && finding.location().cell() > 0 && !finding.sourceLine().isEmpty()) {
                writeFrame(finding);
            }
        }
    }

    /**
     * The notebook's verdict, its top causes by effect on results (see {@link Ranking}), and a
     * count of its inventory, before its findings in report order.
     */
    private void writeVerdict(FileReport report) {
        out.println(paint(BOLD, report.path() + ": verdict: ") + Ranking.verdict(report));
        List<Finding> ranked = Ranking.ranked(report);
        for (int i = 0; i < Math.min(TOP_CAUSES, ranked.size()); i++) {
            Finding finding = ranked.get(i);
            Location at = finding.location();
            String where = at.cell() > 0 ? "cell " + at.cell() + ":" + at.line() + ":" + at.column() : "notebook";
            out.println("  " + (i + 1) + ". " + where + " " + paint(BOLD, finding.ruleId()) + " "
                    + severity(finding.severity()) + ": " + shorten(finding.message(), CAUSE_WIDTH));
        }
        if (!report.inventory().isEmpty()) {
            Map<String, Long> byRule = new TreeMap<>();
            for (InventoryItem item : report.inventory()) {
                byRule.merge(item.ruleId(), 1L, Long::sum);
            }
            List<String> parts = new ArrayList<>();
            byRule.forEach((rule, n) -> parts.add(rule + " " + n));
            out.println("  inventory (sites listed, not findings; --format json gives each): " + String.join(", ", parts));
        }
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    /** Writes the summary line. */
    public void summary() {
        long total = errors + warnings + infos;
        StringBuilder line = new StringBuilder();
        String notebooks = (files - failed) + " notebook" + (files - failed == 1 ? "" : "s");
        if (total == 0) {
            line.append("No findings in ").append(notebooks);
        } else {
            line.append(total).append(total == 1 ? " finding" : " findings").append(" (")
                    .append(errors).append(errors == 1 ? " error, " : " errors, ")
                    .append(warnings).append(warnings == 1 ? " warning, " : " warnings, ")
                    .append(infos).append(" info) in ").append(notebooks);
        }
        if (failed > 0) {
            line.append("; ").append(failed).append(failed == 1 ? " file" : " files").append(" could not be read");
        }
        out.println(paint(BOLD, line + "."));
        out.flush();
    }

    private String headline(String path, Finding finding) {
        Location at = finding.location();
        String where = at.cell() > 0
                ? path + ":cell " + at.cell() + ":" + at.line() + ":" + at.column() + ":"
                : path + ":";
        return paint(BOLD, where) + " " + paint(BOLD, finding.ruleId()) + " " + severity(finding.severity()) + " "
                + paint(DIM, finding.ruleName()) + ": " + finding.message();
    }

    private String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> paint(RED + BOLD, "error");
            case WARNING -> paint(YELLOW + BOLD, "warning");
            case INFO -> paint(BLUE + BOLD, "info");
        };
    }

    private void writeFrame(Finding finding) {
        Location at = finding.location();
        String number = Integer.toString(at.line());
        String gutter = " ".repeat(number.length());
        String source = finding.sourceLine();
        out.println(paint(CYAN, gutter + " |"));
        out.println(paint(CYAN, number + " |") + " " + source);
        int startIndex = offsetOfCodePoint(source, at.column() - 1);
        int endIndex = at.endLine() == at.line() ? offsetOfCodePoint(source, at.endColumn() - 1) : source.length();
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < startIndex && i < source.length(); i++) {
            pad.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        int width = Math.max(1, source.codePointCount(Math.min(startIndex, source.length()),
                Math.min(Math.max(endIndex, startIndex), source.length())));
        out.println(paint(CYAN, gutter + " |") + " " + pad + paint(RED + BOLD, "^".repeat(width)));
    }

    private static int offsetOfCodePoint(String text, int codePoints) {
        int limit = Math.max(0, codePoints);
        int available = text.codePointCount(0, text.length());
        if (limit >= available) {
            return text.length() + (limit - available);
        }
        return text.offsetByCodePoints(0, limit);
    }

    private String paint(String style, String text) {
        return color ? style + text + RESET : text;
    }
}
