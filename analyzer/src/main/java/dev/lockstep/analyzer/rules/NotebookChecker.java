package dev.lockstep.analyzer.rules;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.relevance.Relevance;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a rule set over an analysed notebook and returns the findings, in the report order.
 */
public final class NotebookChecker {
    private final RuleSet rules;

    public NotebookChecker(RuleSet rules) {
        this.rules = rules;
    }

    public List<Finding> check(AnalyzedNotebook notebook) {
        return checkAll(notebook).findings();
    }

    /** The findings, in report order, and the inventory the rules listed, in inventory order. */
    public Checked checkAll(AnalyzedNotebook notebook) {
        List<Finding> findings = new ArrayList<>();
        List<InventoryItem> inventory = new ArrayList<>();
        for (RuleSet.ConfiguredRule configured : rules.rules()) {
            RuleContext context = new RuleContext(notebook, configured.metadata());
            try {
                configured.rule().check(context);
            } catch (RuntimeException e) {
                throw new RuleFailure(configured.metadata().id(), e);
            }
            findings.addAll(context.findings());
            inventory.addAll(context.inventory());
        }
        findings = new ArrayList<>(Relevance.of(notebook).filter(findings)); // nothing about results on dead or display-only code
        findings.sort(Finding.ORDER);
        inventory.sort(InventoryItem.ORDER);
        return new Checked(List.copyOf(findings), List.copyOf(inventory));
    }

    /** What checking a notebook gives: findings, and inventory entries (see {@link RuleContext#inventory}). */
    public record Checked(List<Finding> findings, List<InventoryItem> inventory) {
    }

    /** A rule threw: a bug in Lockstep, reported with the rule's id rather than as a crash. */
    public static final class RuleFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String ruleId;

        RuleFailure(String ruleId, RuntimeException cause) {
            super("internal error in rule " + ruleId + ": " + cause, cause);
            this.ruleId = ruleId;
        }

        public String ruleId() {
            return ruleId;
        }
    }
}
