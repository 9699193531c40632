package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * LS509: hyperparameters written as literals in code. The findings are exactly
 * {@link Hyperparameters#of}, the list extract lifts into {@code lockstep.yaml}, so the report
 * and the job agree; each points at the literal that will be replaced.
 */
@RuleInfo(id = "LS509", name = "hyperparameter-literal", category = Category.PORTABILITY,
        severity = Severity.INFO, remedy = Remedy.LIFTED,
        summary = "Literals bound to known hyperparameters (lr, learning_rate, epochs, batch_size, LoRA r/lora_alpha/lora_dropout, ...): lifted to config")
public final class HyperparameterLiteral implements Rule {

    @Override
    public void check(RuleContext context) {
        for (Hyperparameter h : Hyperparameters.of(context.notebook())) {
            String shown = h.name().equals("r") ? "LoRA rank 'r'" : "hyperparameter '" + h.name() + "'";
            context.report(h.cell(), h.literal(), shown + " is the literal " + h.source()
                    + " in code: extract lifts it into lockstep.yaml as params." + h.parameter()
                    + ", so a run can change it without editing the notebook");
        }
    }
}
