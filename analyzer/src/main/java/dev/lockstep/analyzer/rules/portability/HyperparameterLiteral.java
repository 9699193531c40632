package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.facts.params.Hyperparameter;
import dev.lockstep.analyzer.facts.params.Hyperparameters;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.List;

/**
 * LS509: hyperparameters written as literals in code. The sites are exactly
 * {@link Hyperparameters#of}, the list extract lifts into {@code lockstep.yaml}, so the report
 * and the job agree. They are an inventory, not defects one by one: every site goes to the
 * notebook's inventory and one summary finding, at the first, names how many there are.
 */
@RuleInfo(id = "LS509", name = "hyperparameter-literal", category = Category.PORTABILITY,
        severity = Severity.INFO, remedy = Remedy.LIFTED,
        summary = "Literals bound to known hyperparameters (lr, learning_rate, epochs, batch_size, LoRA r/lora_alpha/lora_dropout, ...): lifted to config")
public final class HyperparameterLiteral implements Rule {

    @Override
    public void check(RuleContext context) {
        List<Hyperparameter> found = context.notebook().facts().hyperparameters();
        SiteInventory.summarise(context, sites -> {
            for (Hyperparameter h : found) {
                sites.report(h.cell(), h.literal(), h.name() + " = " + h.source());
            }
        }, Finding::message,
                (n, named) -> (n == 1 ? "1 hyperparameter is a literal in code: " : n + " hyperparameters are literals in code: ")
                        + named + "; extract lifts " + (n == 1 ? "it" : "them") + " into lockstep.yaml params, so a run "
                        + "can change " + (n == 1 ? "it" : "them") + " without editing the notebook (the report's "
                        + "inventory lists every one)");
    }
}
