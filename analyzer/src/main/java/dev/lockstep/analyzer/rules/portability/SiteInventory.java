package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Location;
import dev.lockstep.analyzer.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a rule that finds many sites of one kind (hyperparameter literals, reduced-precision
 * settings, device literals, environment reads) into an inventory plus at most one finding: every site goes to the
 * notebook's inventory, and the first site carries a summary that names how many there are and
 * a few of them. A reviewer reads one line per kind instead of dozens; the report and the JSON
 * still list every site.
 */
public final class SiteInventory {

    /** How many sites a summary names before it says "and N more". */
    private static final int SHOWN = 3;

    private SiteInventory() {
    }

    /**
     * Runs {@code sites} against a private context, lists what it reported in the inventory,
     * and reports one summary finding at the first site.
     *
     * @param item    the inventory text of a site, from its finding (e.g. the flagged code)
     * @param summary the summary message, from the number of sites and the text naming a few
     */
    public static void summarise(RuleContext context, Consumer<RuleContext> sites, Function<Finding, String> item,
            SummaryMessage summary) {
        List<Finding> found = collect(context, sites);
        if (found.isEmpty()) {
            return;
        }
        // The same text in several cells (batch_size = 32 bound again, .cuda() in every cell) is named once, with its cells.
        Map<String, Set<Integer>> named = new LinkedHashMap<>();
        for (Finding finding : found) {
            String text = item.apply(finding);
            context.inventory(finding.location(), text);
            Set<Integer> cells = named.computeIfAbsent(text, t -> new TreeSet<>());
            if (finding.location().cell() > 0) {
                cells.add(finding.location().cell());
            }
        }
        List<String> all = new ArrayList<>();
        named.forEach((text, cells) -> all.add(text + where(cells)));
        String shown = String.join(", ", all.subList(0, Math.min(SHOWN, all.size())))
                + (all.size() > SHOWN ? " and " + (all.size() - SHOWN) + " more" : "");
        Finding first = found.get(0);
        Location at = first.location();
        AnalyzedNotebook notebook = context.notebook();
        if (at.cell() <= 0) {
            context.reportNotebook(summary.message(found.size(), shown));
            return;
        }
        context.report(notebook.cell(at.cell() - 1), new Position(at.line(), at.column(), at.endLine(), at.endColumn()),
                summary.message(found.size(), shown));
    }

    /**
     * Lists every site in the notebook's inventory and reports nothing: for sites that tell a
     * reviewer nothing new about this notebook (a device literal in a notebook that needs a CUDA
     * GPU anyway).
     */
    public static void listOnly(RuleContext context, Consumer<RuleContext> sites, Function<Finding, String> item) {
        for (Finding finding : collect(context, sites)) {
            context.inventory(finding.location(), item.apply(finding));
        }
    }

    private static List<Finding> collect(RuleContext context, Consumer<RuleContext> sites) {
        RuleContext collecting = new RuleContext(context.notebook(), context.rule());
        sites.accept(collecting);
        List<Finding> found = new ArrayList<>(collecting.findings());
        found.sort(Finding.ORDER);
        return found;
    }

    /** The code a finding points at (its source line, cut to the range when it is on one line). */
    public static String flaggedCode(Finding finding) {
        Location at = finding.location();
        String line = finding.sourceLine();
        if (line.isEmpty()) {
            return finding.message();
        }
        if (at.endLine() == at.line()) {
            int start = Math.min(line.length(), Math.max(0, line.offsetByCodePoints(0,
                    Math.min(at.column() - 1, line.codePointCount(0, line.length())))));
            int end = Math.min(line.length(), Math.max(start, line.offsetByCodePoints(0,
                    Math.min(at.endColumn() - 1, line.codePointCount(0, line.length())))));
            String cut = line.substring(start, end).strip();
            if (!cut.isEmpty()) {
                return shorten(cut);
            }
        }
        return shorten(line.strip());
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String where(Set<Integer> cells) {
        if (cells.isEmpty()) {
            return "";
        }
        return (cells.size() == 1 ? " (cell " : " (cells ")
                + cells.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    /** The summary finding's message. */
    @FunctionalInterface
    public interface SummaryMessage {
        String message(int sites, String someNamed);
    }
}
