package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LS205: values read from the machine that runs the notebook: environment variables
 * ({@code os.environ[...]}, {@code os.environ.get}, {@code os.getenv}, {@code "X" in os.environ})
 * and the user and host names. Writes ({@code os.environ["X"] = ...},
 * {@code os.environ.setdefault}) and handing the whole environment on ({@code env=os.environ})
 * are not reads of a value. A secret read from the environment is the right way to hold it: it
 * is noted here, as information, and never as LS601.
 */
@RuleInfo(id = "LS205", name = "environment-dependent", category = Category.PATHS,
        severity = Severity.INFO, remedy = Remedy.REPORTED,
        summary = "os.environ / os.getenv reads, user name, host name")
public final class EnvironmentDependent implements Rule {

    private static final Set<String> ENVIRONMENTS = Set.of("os.environ", "os.environb");
    private static final Set<String> ENVIRONMENT_READS = Set.of("os.getenv", "os.getenvb", "os.environ.get",
            "os.environb.get");
    private static final Map<String, String> MACHINE_READS = Map.of(
            "getpass.getuser", "the user name", "os.getlogin", "the user name",
            "socket.gethostname", "the host name", "socket.getfqdn", "the host name",
            "platform.node", "the host name", "os.uname", "the host name");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (CallSite call : notebook.calls()) {
            if (call.qualifiedName() == null) {
                continue;
            }
            if (ENVIRONMENT_READS.contains(call.qualifiedName())) {
                context.report(call.cell(), call.node(), call.qualifiedName() + "(" + key(call.argument(0, "key"))
                        + ") reads the environment of whoever runs it: make the value a parameter of the job, or a "
                        + "secret if it is a credential");
            } else if (MACHINE_READS.containsKey(call.qualifiedName())) {
                context.report(call.cell(), call.node(), call.qualifiedName() + "() returns "
                        + MACHINE_READS.get(call.qualifiedName()) + " of the machine that runs it: results that use it "
                        + "differ between machines");
            }
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                if (node.is("subscript") && isEnvironment(notebook, cell, node.child("value")) && !isWritten(node)) {
                    context.report(cell, node, "os.environ[" + key(node.child("subscript")) + "] reads the environment "
                            + "of whoever runs it: make the value a parameter of the job, or a secret if it is a credential");
                } else if (node.is("comparison_operator") && isMembershipTest(notebook, cell, node)) {
                    context.report(cell, node, "testing os.environ makes the result depend on the environment of "
                            + "whoever runs it: make the value a parameter of the job, or a secret if it is a credential");
                }
            });
        }
    }

    private static boolean isEnvironment(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression) {
        String qualified = notebook.qualify(cell, expression);
        return qualified != null && ENVIRONMENTS.contains(qualified);
    }

    /** {@code os.environ["X"] = ...}, {@code del os.environ["X"]}, {@code os.environ["X"] += ...}. */
    private static boolean isWritten(SyntaxNode subscript) {
        SyntaxNode n = subscript;
        SyntaxNode parent = n.parent();
        while (parent != null && (parent.is("pattern_list") || parent.is("tuple_pattern") || parent.is("expression_list"))) {
            n = parent;
            parent = parent.parent();
        }
        if (parent == null) {
            return false;
        }
        return ((parent.is("assignment") || parent.is("augmented_assignment")) && parent.child("left") == n)
                || parent.is("delete_statement");
    }

    private static boolean isMembershipTest(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode comparison) {
        List<SyntaxNode> children = comparison.children();
        for (int i = 1; i < children.size(); i++) {
            String operator = children.get(i - 1).text().replaceAll("\\s+", " ");
            if ((operator.equals("in") || operator.equals("not in")) && isEnvironment(notebook, cell, children.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static String key(SyntaxNode key) {
        if (key == null) {
            return "";
        }
        String value = StringLiterals.value(key);
        if (value != null) {
            return "'" + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "'";
        }
        String text = key.text();
        return text.length() > 40 || text.contains("\n") ? "..." : text;
    }
}
