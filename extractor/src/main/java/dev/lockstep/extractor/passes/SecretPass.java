package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.facts.secrets.CredentialNames;
import dev.lockstep.analyzer.facts.secrets.SecretDetector;
import dev.lockstep.analyzer.facts.secrets.SecretMatch;
import dev.lockstep.analyzer.facts.source.StringLiteralSites;
import dev.lockstep.analyzer.rules.Fix;
import dev.lockstep.extractor.code.PythonText;
import dev.lockstep.extractor.code.SyntheticNotebook;
import dev.lockstep.extractor.code.CellEdits;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pass 7: secrets in code become environment-variable reads, declared by name in lockstep.yaml's
 * {@code secrets}; their values appear nowhere in the job. A literal that is all secret becomes
 * {@code os.environ["HF_TOKEN"]}; a literal with a secret inside (a password in a URL) becomes an
 * f-string around the read; a secret in a comment is redacted.
 */
public final class SecretPass implements Pass {

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        List<PlannedCell> kept = plan.keptCells();
        SyntheticNotebook synthetic = SyntheticNotebook.of(plan.source(), kept);
        ExtractionPlan.Builder next = plan.toBuilder();
        Map<Integer, List<Fix.Edit>> edits = new HashMap<>();
        for (AnalyzedCell cell : synthetic.analyzed().pythonCells()) {
            PlannedCell planned = synthetic.planned(cell);
            for (StringLiteralSites.Literal literal : synthetic.analyzed().facts().stringLiterals(cell)) {
                if (literal.formatted()) {
                    continue;
                }
                // The name LS601 gives the credential too, so the job reads the variable the scan told the user to set.
                List<SecretMatch> matches = SecretDetector.findInValue(literal.text(),
                        CredentialNames.boundName(synthetic.analyzed(), cell, literal.node()));
                if (matches.isEmpty()) {
                    continue;
                }
                String replacement = replacement(literal.text(), matches);
                edits.computeIfAbsent(cell.index(), k -> new ArrayList<>())
                        .add(new Fix.Edit(literal.node().startOffset(), literal.node().endOffset(), replacement));
                for (SecretMatch match : matches) {
                    next.secret(match.environmentVariable());
                    next.change(new Change(name(), planned.number(), cell.position(literal.node()).line(),
                            match.describe() + " " + match.redacted() + " replaced by os.environ[\""
                                    + match.environmentVariable() + "\"]"));
                }
            }
            cell.root().walk(node -> {
                if (!node.is("comment")) {
                    return;
                }
                List<SecretMatch> matches = SecretDetector.findTokens(node.text());
                if (matches.isEmpty()) {
                    return;
                }
                StringBuilder redacted = new StringBuilder(node.text());
                for (int i = matches.size() - 1; i >= 0; i--) {
                    SecretMatch m = matches.get(i);
                    redacted.replace(m.start(), m.end(), "<redacted " + m.environmentVariable() + ">");
                }
                edits.computeIfAbsent(cell.index(), k -> new ArrayList<>())
                        .add(new Fix.Edit(node.startOffset(), node.endOffset(), redacted.toString()));
                next.change(new Change(name(), planned.number(), cell.position(node).line(), "redacted a credential in a comment"));
            });
        }
        List<PlannedCell> cells = CellEdits.apply(plan.cells(), kept, edits);
        return next.cells(cells).build();
    }

    /** The literal with each secret replaced by an environment read. */
    private static String replacement(String value, List<SecretMatch> matches) {
        if (matches.size() == 1 && matches.get(0).start() == 0 && matches.get(0).end() == value.length()) {
            return "os.environ[" + PythonText.string(matches.get(0).environmentVariable()) + "]";
        }
        StringBuilder f = new StringBuilder("f\"");
        int at = 0;
        for (SecretMatch m : matches) {
            f.append(fPart(value.substring(at, m.start())));
            f.append("{os.environ[").append('\'').append(m.environmentVariable()).append("']}");
            at = m.end();
        }
        f.append(fPart(value.substring(at))).append('"');
        return f.toString();
    }

    private static String fPart(String text) {
        String quoted = PythonText.string(text);
        return quoted.substring(1, quoted.length() - 1).replace("{", "{{").replace("}", "}}");
    }
}
