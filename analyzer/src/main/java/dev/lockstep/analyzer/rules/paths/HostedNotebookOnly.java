package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.facts.source.StringLiteralSites;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.ImportBinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * LS207: code that runs only inside a hosted notebook service: {@code google.colab} (Drive
 * mounts, file uploads, Colab auth and secrets), Kaggle's {@code kaggle_secrets} and
 * {@code kaggle_datasets}, paths under the Drive mount ({@code /content/drive}), and Colab's
 * {@code %tensorflow_version} magic. Code guarded for portability (an import inside
 * {@code try/except ImportError}, a call under {@code if IN_COLAB:}) is fine. One finding per
 * line: {@code from google.colab import drive; drive.mount(...)} is one problem.
 */
@RuleInfo(id = "LS207", name = "hosted-notebook-only", category = Category.PATHS,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "google.colab (drive.mount, files.upload), Kaggle secrets, /content/drive paths")
public final class HostedNotebookOnly implements Rule {

    /** Modules that exist only inside one hosted service, with its name. */
    private static final Map<String, String> HOSTED_MODULES = Map.of(
            "google.colab", "Google Colab", "kaggle_secrets", "Kaggle notebooks", "kaggle_datasets", "Kaggle notebooks");

    /** What the common Colab and Kaggle calls need instead. */
    private static final Map<String, String> ADVICE = Map.of(
            "google.colab.drive.mount", "declare the files it reads as inputs",
            "google.colab.files.upload", "declare the uploaded file as an input",
            "google.colab.files.download", "declare the file as an output",
            "google.colab.userdata.get", "read the secret from an environment variable",
            "google.colab.auth.authenticate_user", "give the job credentials through its environment",
            "kaggle_secrets.UserSecretsClient.get_secret", "read the secret from an environment variable");

    private record Candidate(Position position, String message) {
    }

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            List<Candidate> candidates = new ArrayList<>();
            Set<SyntaxNode> importsSeen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ImportBinding binding : cell.semantics().imports()) {
                String service = serviceOf(binding.qualifiedName());
                if (service != null && importsSeen.add(binding.node()) && !isGuarded(binding.node())) {
                    candidates.add(new Candidate(cell.position(binding.node()), moduleOf(binding.qualifiedName())
                            + " exists only inside " + service + ": outside it this import fails; declare inputs and "
                            + "read secrets from the environment instead"));
                }
            }
            Set<SyntaxNode> hostedArguments = Collections.newSetFromMap(new IdentityHashMap<>());
            for (CallSite call : notebook.calls()) {
                if (call.cell() != cell) {
                    continue;
                }
                String name = call.qualifiedName() != null ? call.qualifiedName()
                        : call.receiverOrigin() != null ? call.receiverOrigin() + "." + call.methodName() : null;
                String service = serviceOf(name);
                if (service == null) {
                    continue;
                }
                SyntaxNode arguments = call.node().child("arguments");
                if (arguments != null) {
                    arguments.walk(hostedArguments::add);
                }
                String last = name.substring(name.lastIndexOf('.') + 1);
                if (isGuarded(call.node()) || (!last.isEmpty() && Character.isUpperCase(last.charAt(0)))) {
                    continue; // constructing a client does nothing yet: its import and its uses are reported
                }
                String shown = shortName(name) + "()";
                String advice = ADVICE.getOrDefault(name, "remove it or guard it for other machines");
                candidates.add(new Candidate(cell.position(call.node()), shown + " works only inside "
                        + service + ": " + advice));
            }
            for (StringLiteralSites.Literal literal : notebook.facts().stringLiterals(cell)) {
                if (LocalPaths.isColabDrivePath(literal.text()) && !hostedArguments.contains(literal.node())
                        && !isGuarded(literal.node())) {
                    candidates.add(new Candidate(cell.position(literal.node()), drivePathMessage(literal.text())));
                }
            }
            for (Magic magic : cell.magics()) {
                if (magic.kind() == MagicKind.LINE_MAGIC && magic.name().equals("tensorflow_version")) {
                    candidates.add(new Candidate(cell.position(magic), "%tensorflow_version exists only in Google "
                            + "Colab: pin tensorflow in the environment instead"));
                } else if (magic.kind() == MagicKind.SHELL || magic.kind() == MagicKind.LINE_MAGIC) {
                    for (String token : magic.arguments().split("\\s+")) {
                        String path = token.replaceAll("^[^/]*=", "").replaceAll("^['\"]|['\"]$", "");
                        if (LocalPaths.isColabDrivePath(path)) {
                            candidates.add(new Candidate(cell.position(magic), drivePathMessage(path)));
                            break;
                        }
                    }
                }
            }
            candidates.sort(Comparator.comparingInt((Candidate c) -> c.position().line())
                    .thenComparingInt(c -> c.position().column()));
            Set<Integer> lines = new HashSet<>();
            for (Candidate candidate : candidates) {
                if (lines.add(candidate.position().line())) {
                    context.report(cell, candidate.position(), candidate.message());
                }
            }
        }
    }

    private static String drivePathMessage(String path) {
        String shown = path.length() > 60 ? path.substring(0, 57) + "..." : path;
        return "'" + shown + "' is Google Drive as mounted in Colab and exists nowhere else: declare the file as an "
                + "input or output of the job";
    }

    private static String serviceOf(String qualifiedName) {
        String module = moduleOf(qualifiedName);
        return module == null ? null : HOSTED_MODULES.get(module);
    }

    private static String moduleOf(String qualifiedName) {
        if (qualifiedName == null) {
            return null;
        }
        for (String module : HOSTED_MODULES.keySet()) {
            if (qualifiedName.equals(module) || qualifiedName.startsWith(module + ".")) {
                return module;
            }
        }
        return null;
    }

    private static String shortName(String qualified) {
        for (String module : HOSTED_MODULES.keySet()) {
            if (qualified.startsWith(module + ".")) {
                return qualified.substring(module.length() + 1);
            }
        }
        return qualified;
    }

    /**
     * Portable code: inside a {@code try} whose handler catches the missing module, or under a
     * condition that tests for the hosted service ({@code if IN_COLAB:},
     * {@code if "google.colab" in sys.modules:}, {@code if os.path.exists("/kaggle")}).
     */
    static boolean isGuarded(SyntaxNode node) {
        for (SyntaxNode n = node; n.parent() != null; n = n.parent()) {
            SyntaxNode parent = n.parent();
            if (parent.is("try_statement") && parent.child("body") == n) {
                for (SyntaxNode clause : parent.namedChildren()) {
                    if (clause.is("except_clause") && catchesImportError(clause)) {
                        return true;
                    }
                }
            }
            if ((parent.is("if_statement") || parent.is("elif_clause") || parent.is("conditional_expression"))
                    && parent.child("condition") != n) {
                SyntaxNode condition = parent.child("condition");
                if (condition == null && parent.is("conditional_expression") && parent.namedChildren().size() == 3) {
                    condition = parent.namedChildren().get(1);
                }
                if (condition != null && condition != n && mentionsHostedService(condition.text())) {
                    return true;
                }
            }
            if (parent.is("else_clause") && parent.parent() != null && parent.parent().is("if_statement")) {
                SyntaxNode condition = parent.parent().child("condition");
                if (condition != null && mentionsHostedService(condition.text())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentionsHostedService(String condition) {
        String c = condition.toLowerCase(Locale.ROOT);
        return c.contains("colab") || c.contains("kaggle");
    }

    private static boolean catchesImportError(SyntaxNode clause) {
        String text = clause.text();
        int colon = text.indexOf(':');
        String head = colon < 0 ? text : text.substring(0, colon);
        return head.strip().equals("except") || head.contains("ImportError") || head.contains("ModuleNotFoundError")
                || head.contains("Exception");
    }
}
