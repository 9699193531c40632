package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.facts.params.Hyperparameter;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.List;

/**
 * LS509: hyperparameters written as literals in code. The sites come from the facts layer
 * ({@code facts().hyperparameters()}), the list extract lifts into {@code lockstep.yaml}, so the
 * report and the job agree; the report leaves out what is not a setting of the run: presets of
 * the model's architecture ({@link Hyperparameter.Role#ARCHITECTURE}) and the variants of a
 * sweep ({@link Hyperparameter#isVariant()}). The rest are an inventory, not defects one by one:
 * every site goes to the notebook's inventory and one summary finding, at the first, names how
 * many hyperparameters there are (a name bound again in another cell is one hyperparameter in
 * several places).
 */
@RuleInfo(id = "LS509", name = "hyperparameter-literal", category = Category.PORTABILITY,
        severity = Severity.INFO, remedy = Remedy.LIFTED,
        summary = "Literals bound to known hyperparameters (lr, learning_rate, epochs, batch_size, LoRA r/lora_alpha/lora_dropout, ...): lifted to config")
public final class HyperparameterLiteral implements Rule {

    @Override
    public void check(RuleContext context) {
        List<Hyperparameter> reported = context.notebook().facts().hyperparameters().stream()
                .filter(h -> h.role() == Hyperparameter.Role.TRAINING && !h.isVariant())
                .toList();
        // extract's unique key without its _2, _3 suffix: the same hyperparameter bound again (lr, LR, lr_2).
        long names = reported.stream().map(h -> h.parameter().replaceFirst("_\\d+$", "")).distinct().count();
        SiteInventory.summarise(context, sites -> {
            for (Hyperparameter h : reported) {
                sites.report(h.cell(), h.literal(), h.name() + " = " + h.source());
            }
        }, Finding::message, (n, named) -> count(names, n) + named + "; extract lifts "
                + (n == 1 ? "it" : "them") + " into lockstep.yaml params, so a run can change " + (n == 1 ? "it" : "them")
                + " without editing the notebook (the report's inventory lists every one)");
    }

    /** "3 hyperparameters are literals in code: ", or "2 hyperparameters are literals in code, in 4 places: ". */
    private static String count(long names, int sites) {
        String head = names == 1 ? "1 hyperparameter is a literal in code" : names + " hyperparameters are literals in code";
        return head + (sites == names ? ": " : ", in " + sites + " places: ");
    }
}
