package dev.lockstep.analyzer.rules.secrets;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.notebook.Output;
import dev.lockstep.analyzer.notebook.OutputKind;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LS602: credentials in saved outputs (stream text, {@code text/plain} results, tracebacks).
 * Reported at the cell, naming the output; each credential once per output.
 */
@RuleInfo(id = "LS602", name = "secret-in-output", category = Category.SECRETS,
        severity = Severity.ERROR, remedy = Remedy.REPORTED,
        summary = "The same (tokens and keys) in saved outputs")
public final class SecretInOutput implements Rule {

    @Override
    public void check(RuleContext context) {
        for (AnalyzedCell cell : context.notebook().cells()) {
            List<Output> outputs = cell.cell().outputs();
            for (int i = 0; i < outputs.size(); i++) {
                Output output = outputs.get(i);
                Set<String> seen = new HashSet<>();
                for (String text : new String[] {output.text(), output.errorValue()}) {
                    for (SecretMatch match : SecretDetector.findInOutput(text)) {
                        if (seen.add(match.secret())) {
                            context.reportCell(cell, "saved output " + (i + 1) + " (" + label(output) + ") shows "
                                    + match.describe() + ": clear the output and revoke the credential "
                                    + "(outputs are not part of the job, but the file and its history keep them)");
                        }
                    }
                }
            }
        }
    }

    private static String label(Output output) {
        if (output.kind() == OutputKind.STREAM) {
            return output.streamName() == null ? "stream" : output.streamName();
        }
        if (output.kind() == OutputKind.ERROR) {
            return output.errorName() == null ? "traceback" : output.errorName() + " traceback";
        }
        return output.kind().jsonName();
    }
}
