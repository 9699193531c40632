package dev.lockstep.analyzer.rules.secrets;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.facts.secrets.SecretDetector;
import dev.lockstep.analyzer.facts.secrets.SecretMatch;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                    boolean source = isSourceCode(text);
                    for (SecretMatch match : SecretDetector.findInOutput(text)) {
                        if (!match.kind().isShaped() && (source || isExpression(match.secret()))) {
                            continue; // printed code binding a name like token: not a credential's own shape
                        }
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

    /** Python code lines that a printed file or traceback shows ({@code def}, {@code import}, {@code return}...). */
    private static final Pattern CODE_LINE = Pattern.compile(
            "(?m)^\\s*(def \\w+\\(|class \\w+|import \\w|from [\\w.]+ import |return\\b|if .*:\\s*$|for .* in .*:\\s*$|@\\w)");
    /** A value that is code, not a literal: an attribute path, or a call or subscript of a name. */
    private static final Pattern EXPRESSION = Pattern.compile("[A-Za-z_][\\w.]*(\\(.*\\)|\\[.*])?");

    /** Whether the output is mostly source code (a printed file, %%writefile echo, a traceback's code lines). */
    static boolean isSourceCode(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = CODE_LINE.matcher(text);
        int lines = 0;
        while (m.find() && lines < 2) {
            lines++;
        }
        return lines >= 2;
    }

    private static boolean isExpression(String value) {
        return EXPRESSION.matcher(value).matches() && (value.contains(".") || value.contains("(") || value.contains("["));
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
