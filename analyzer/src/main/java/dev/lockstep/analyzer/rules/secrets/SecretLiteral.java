package dev.lockstep.analyzer.rules.secrets;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.facts.secrets.CredentialNames;
import dev.lockstep.analyzer.facts.secrets.SecretDetector;
import dev.lockstep.analyzer.facts.secrets.SecretMatch;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.List;

/**
 * LS601: credentials written into the notebook. Shaped credentials ({@code hf_...},
 * {@code sk-...}, {@code AKIA...}, PEM private keys...) are found anywhere in a cell's source,
 * comments, magics and markdown included; credentials recognised by the name they are bound to
 * ({@code password="..."}, {@code api_key = "..."}, {@code %env DB_PASSWORD=...}) only where
 * code binds a literal to that name. A read from the environment is the right way to hold a
 * secret and is never reported here (LS205 notes it).
 */
@RuleInfo(id = "LS601", name = "secret-literal", category = Category.SECRETS,
        severity = Severity.ERROR, remedy = Remedy.LIFTED,
        summary = "Tokens and keys in source (hf_..., sk-..., AKIA..., ghp_..., private keys, password=\"...\")")
public final class SecretLiteral implements Rule {

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (AnalyzedCell cell : notebook.cells()) {
            String source = cell.cell().source();
            for (SecretMatch match : SecretDetector.findTokens(source)) {
                context.report(cell, span(source, match.start(), match.end()), message(match));
            }
            if (cell.isPython()) {
                checkNamedLiterals(context, cell);
                checkMagics(context, cell);
            }
        }
    }

    /** Literals bound to a credential's name; shaped credentials were reported from the source text. */
    private static void checkNamedLiterals(RuleContext context, AnalyzedCell cell) {
        AnalyzedNotebook notebook = context.notebook();
        cell.root().walk(node -> {
            if (!StringLiterals.isString(node) || (node.parent() != null && node.parent().is("concatenated_string"))) {
                return;
            }
            if (cell.translated() != null && cell.translated().sourceMap().isRewritten(node.startLine())) {
                return; // the synthetic string of a translated magic: checked from the magic itself
            }
            String value = StringLiterals.value(node);
            if (value == null) {
                return;
            }
            String name = CredentialNames.boundName(notebook, cell, node);
            for (SecretMatch match : SecretDetector.findInValue(value, name)) {
                if (!match.kind().isShaped()) {
                    context.report(cell, node, message(match));
                }
            }
        });
    }

    /** {@code %env NAME=value}, {@code %set_env NAME value}, and passwords in URLs of shell commands. */
    private static void checkMagics(RuleContext context, AnalyzedCell cell) {
        for (Magic magic : cell.magics()) {
            if (magic.kind() == MagicKind.LINE_MAGIC && (magic.name().equals("env") || magic.name().equals("set_env"))) {
                String arguments = magic.arguments();
                int split = arguments.indexOf('=');
                if (split < 0 || arguments.substring(0, split).strip().contains(" ")) {
                    split = arguments.indexOf(' ');
                }
                if (split <= 0) {
                    continue;
                }
                String name = arguments.substring(0, split).strip();
                String value = unquote(arguments.substring(split + 1).strip());
                reportNamed(context, cell, magic, SecretDetector.findInValue(value, name));
            } else if (magic.kind() == MagicKind.SHELL || magic.kind() == MagicKind.LINE_MAGIC) {
                for (String token : magic.arguments().split("\\s+")) {
                    if (token.contains("://")) {
                        reportNamed(context, cell, magic, SecretDetector.findInValue(unquote(token), null));
                    }
                }
            }
        }
    }

    private static void reportNamed(RuleContext context, AnalyzedCell cell, Magic magic, List<SecretMatch> matches) {
        for (SecretMatch match : matches) {
            if (!match.kind().isShaped()) {
                context.report(cell, magic, message(match));
            }
        }
    }

    private static String unquote(String token) {
        if (token.length() >= 2 && (token.charAt(0) == '"' || token.charAt(0) == '\'')
                && token.charAt(token.length() - 1) == token.charAt(0)) {
            return token.substring(1, token.length() - 1);
        }
        return token;
    }

    static String message(SecretMatch match) {
        return match.describe() + " is written in the notebook: anyone with the file can use it; read it "
                + "from the environment (os.environ[\"" + match.environmentVariable() + "\"]) and revoke this one";
    }

    /** The cell-source position of a span of the cell's source (1-based lines, code-point columns). */
    static Position span(String source, int start, int end) {
        int[] from = lineAndColumn(source, start);
        int[] to = lineAndColumn(source, end);
        return new Position(from[0], from[1], to[0], to[1]);
    }

    private static int[] lineAndColumn(String source, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, source.codePointCount(lineStart, Math.min(offset, source.length())) + 1};
    }
}
