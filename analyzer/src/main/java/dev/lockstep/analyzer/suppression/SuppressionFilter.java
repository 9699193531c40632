package dev.lockstep.analyzer.suppression;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleMetadata;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.rules.Suggestions;
import dev.lockstep.analyzer.rules.suppression.InvalidSuppression;
import dev.lockstep.analyzer.rules.suppression.SuppressionRules;
import dev.lockstep.analyzer.rules.suppression.UnusedSuppression;
import dev.lockstep.analyzer.scan.FindingFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Applies a notebook's suppressions to its findings, then reports the suppressions that did
 * nothing: unused ones under LS001, unreadable ones and ones naming no rule under LS002.
 *
 * <p>Rules of its own:
 * <ul>
 *   <li>LS0 findings are never silenced, so a suppression cannot hide the report about itself;
 *       a suppression naming an LS0 id is reported under LS002.</li>
 *   <li>A suppression of a rule that did not run in this scan is not reported as unused: a
 *       scan that runs the rule may need it. A blanket suppression is reported only when every
 *       rule ran.</li>
 *   <li>A finding silenced by several suppressions (a comment and a cell tag) uses them all.</li>
 * </ul>
 */
public final class SuppressionFilter implements FindingFilter {
    private final Map<String, RuleMetadata> ran = new LinkedHashMap<>();
    private final SortedSet<String> known;
    private final boolean everyRuleRan;
    private final RuleMetadata unused;
    private final RuleMetadata invalid;

    /**
     * @param rules     the rules this scan runs (their effective metadata is used for LS001 and LS002)
     * @param available every rule that exists in this configuration, run or not (built-in and team rules)
     */
    public SuppressionFilter(RuleSet rules, Collection<? extends Rule> available) {
        for (RuleSet.ConfiguredRule rule : rules.rules()) {
            ran.put(rule.metadata().id(), rule.metadata());
        }
        SortedSet<String> ids = new TreeSet<>();
        for (Rule rule : available) {
            ids.add(rule.metadata().id());
        }
        ids.addAll(ran.keySet());
        this.known = Collections.unmodifiableSortedSet(ids);
        this.everyRuleRan = ids.stream().filter(id -> !SuppressionRules.isSuppressionRule(id)).allMatch(ran::containsKey);
        this.unused = ran.get(new UnusedSuppression().metadata().id());
        this.invalid = ran.get(new InvalidSuppression().metadata().id());
    }

    @Override
    public List<Finding> apply(AnalyzedNotebook notebook, List<Finding> findings) {
        Suppressions found = Suppressions.find(notebook);
        List<Suppression> suppressions = found.suppressions();
        if (suppressions.isEmpty() && found.malformed().isEmpty()) {
            return findings;
        }
        boolean[] used = new boolean[suppressions.size()];
        Map<Integer, List<Integer>> byCell = new HashMap<>();
        for (int i = 0; i < suppressions.size(); i++) {
            byCell.computeIfAbsent(suppressions.get(i).cell().number(), cell -> new ArrayList<>()).add(i);
        }
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            boolean silenced = false;
            if (!SuppressionRules.isSuppressionRule(finding.ruleId())) {
                for (int i : byCell.getOrDefault(finding.location().cell(), List.of())) {
                    if (suppressions.get(i).silences(finding)) {
                        used[i] = true;
                        silenced = true;
                    }
                }
            }
            if (!silenced) {
                kept.add(finding);
            }
        }
        RuleContext unusedReports = unused == null ? null : new RuleContext(notebook, unused);
        RuleContext invalidReports = invalid == null ? null : new RuleContext(notebook, invalid);
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression s = suppressions.get(i);
            if (s.isBlanket()) {
                if (!used[i] && everyRuleRan && unusedReports != null) {
                    unusedReports.report(s.cell(), s.position(), unusedMessage(s));
                }
            } else if (SuppressionRules.isSuppressionRule(s.ruleId()) && known.contains(s.ruleId())) {
                if (invalidReports != null) {
                    invalidReports.report(s.cell(), s.position(), s.ruleId() + " findings are never silenced by a "
                            + "suppression; turn the rule off with ignore = [\"" + s.ruleId() + "\"] in lockstep.toml");
                }
            } else if (!known.contains(s.ruleId())) {
                if (invalidReports != null) {
                    invalidReports.report(s.cell(), s.position(), unknownMessage(s.ruleId()));
                }
            } else if (!used[i] && ran.containsKey(s.ruleId()) && unusedReports != null) {
                unusedReports.report(s.cell(), s.position(), unusedMessage(s));
            }
        }
        if (invalidReports != null) {
            for (MalformedSuppression m : found.malformed()) {
                invalidReports.report(m.cell(), m.position(), m.problem());
            }
        }
        List<Finding> result = new ArrayList<>(kept);
        if (unusedReports != null) {
            result.addAll(unusedReports.findings());
        }
        if (invalidReports != null) {
            result.addAll(invalidReports.findings());
        }
        result.sort(Finding.ORDER);
        return List.copyOf(result);
    }

    private static String unusedMessage(Suppression s) {
        String where = s.wholeCell() ? "in this cell" : "on this line";
        String what = s.isBlanket() ? "no finding " + where : "no " + s.ruleId() + " finding " + where;
        String remove = s.wholeCell() ? "remove the " + s.written()
                : s.isBlanket() ? "remove the comment" : "remove " + s.ruleId() + " from the comment";
        return what + " to silence: " + remove;
    }

    private String unknownMessage(String id) {
        List<String> family = known.stream().filter(k -> k.startsWith(id) && k.length() > id.length()).toList();
        if (!family.isEmpty()) {
            return "'" + id + "' is not a rule id, so this suppression silences nothing: name single rules ("
                    + String.join(", ", family.subList(0, Math.min(3, family.size())))
                    + (family.size() > 3 ? ", ..." : "") + "), or ignore the family in lockstep.toml";
        }
        return "'" + id + "' is not a rule id, so this suppression silences nothing" + Suggestions.didYouMean(id, known);
    }
}
