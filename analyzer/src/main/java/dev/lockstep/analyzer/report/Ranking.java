package dev.lockstep.analyzer.report;

import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.scan.FileReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders a notebook's findings by their effect on its results, for the verdict and the rank
 * every report carries: first what means the saved results were never produced (training that
 * never ran, a run that stopped with an error), then what stops a top-to-bottom run (undefined
 * names, code that does not parse, interactive steps), then outputs from several sessions or an
 * order no run follows, then unseeded training and nondeterministic ops, then pins and paths,
 * then hygiene. Within a tier, errors before warnings before infos, then report order.
 */
public final class Ranking {

    /** What a finding means for the results; the tiers in the order they rank. */
    public enum Tier {
        RESULTS_NOT_PRODUCED("saved results not produced by this code"),
        CANNOT_RUN("a top-to-bottom run fails"),
        HIDDEN_STATE("saved results from another order or session"),
        NONDETERMINISM("results change from run to run"),
        UNPINNED_INPUTS("inputs and dependencies float"),
        HYGIENE("hygiene");

        private final String label;

        Tier(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private Ranking() {
    }

    /** The tier of a finding, by its rule and (for rules that escalate) its severity. */
    public static Tier tier(Finding finding) {
        String id = finding.ruleId();
        return switch (id) {
            case "LS102" -> finding.severity() == Severity.ERROR ? Tier.RESULTS_NOT_PRODUCED
                    : finding.severity() == Severity.WARNING ? Tier.HIDDEN_STATE : Tier.HYGIENE;
            case "LS503" -> Tier.RESULTS_NOT_PRODUCED;
            case "LS104", "LS105", "LS504", "LS506", "LS502", "LS207" -> Tier.CANNOT_RUN;
            case "LS109", "LS101", "LS106", "LS108" -> Tier.HIDDEN_STATE;
            case "LS301", "LS302", "LS303", "LS304", "LS305", "LS306", "LS307", "LS308", "LS310", "LS312" ->
                    Tier.NONDETERMINISM;
            default -> {
                if (id.startsWith("LS4") || id.startsWith("LS2") || id.startsWith("LS6")) {
                    yield Tier.UNPINNED_INPUTS;
                }
                yield Tier.HYGIENE;
            }
        };
    }

    /** The findings of a file from most to least important. */
    public static List<Finding> ranked(FileReport report) {
        List<Finding> order = new ArrayList<>(report.findings());
        Map<Finding, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        order.sort(Comparator.comparing(Ranking::tier)
                .thenComparing(Finding::severity, Comparator.reverseOrder())
                .thenComparing(position::get));
        return order;
    }

    /** The rank (1 = most important) of each finding of a file, by identity, in report order. */
    public static List<Integer> ranks(FileReport report) {
        List<Finding> ranked = ranked(report);
        Map<Finding, Integer> rank = new IdentityHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rank.put(ranked.get(i), i + 1);
        }
        List<Integer> result = new ArrayList<>();
        for (Finding finding : report.findings()) {
            result.add(rank.get(finding));
        }
        return result;
    }

    /** The rank (1 = most important) of one finding of a file. */
    public static int rankOf(FileReport report, Finding finding) {
        List<Finding> ranked = ranked(report);
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i) == finding) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not a finding of " + report.path());
    }

    /** One line saying whether the notebook can be reproduced as saved, and how many findings there are. */
    public static String verdict(FileReport report) {
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long infos = report.count(Severity.INFO);
        String verdict;
        if (report.findings().isEmpty()) {
            verdict = "no reproducibility gaps found";
        } else if (errors > 0) {
            verdict = "cannot be reproduced as saved";
        } else if (warnings > 0) {
            verdict = "reproducible only with changes";
        } else {
            verdict = "reproducible; hygiene notes only";
        }
        if (report.findings().isEmpty()) {
            return verdict;
        }
        return verdict + " (" + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning, " : " warnings, ") + infos + " info; worst: "
                + tier(ranked(report).get(0)).label() + ")";
    }
}
