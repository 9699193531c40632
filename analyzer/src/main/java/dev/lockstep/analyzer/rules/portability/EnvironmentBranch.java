package dev.lockstep.analyzer.rules.portability;

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
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LS510: code that asks which platform it runs on and does something else there: {@code
 * "google.colab" in sys.modules}, {@code import google.colab} inside {@code try}, the Colab
 * ({@code COLAB_*}), Kaggle ({@code KAGGLE_KERNEL_RUN_TYPE}, {@code KAGGLE_URL_BASE}) and
 * SageMaker ({@code SM_*}) environment variables, and SageMaker's {@code get_execution_role()},
 * which works only inside a SageMaker notebook. The saved outputs come from one branch; a job
 * on another machine takes the other. One finding per cell.
 */
@RuleInfo(id = "LS510", name = "environment-specific-branch", category = Category.PORTABILITY,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "Code that branches on the platform it runs on (google.colab in sys.modules, COLAB_/KAGGLE_ variables, SageMaker execution roles)")
public final class EnvironmentBranch implements Rule {

    /** Environment variables only a hosted platform sets. */
    private static final Pattern PLATFORM_VARIABLE = Pattern.compile(
            "[\"'](COLAB_[A-Z_]*|KAGGLE_KERNEL_RUN_TYPE|KAGGLE_URL_BASE|KAGGLE_DATA_PROXY_[A-Z_]*|SM_[A-Z_]+|"
                    + "SAGEMAKER_[A-Z_]*|PAPERSPACE_[A-Z_]*|DATABRICKS_RUNTIME_VERSION)[\"']");
    private static final Pattern COLAB_MODULE = Pattern.compile("[\"']google\\.colab[\"']\\s+in\\s+sys\\.modules");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        Set<Integer> reported = new HashSet<>();
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                if (reported.contains(cell.index())) {
                    return;
                }
                if (node.is("if_statement") || node.is("conditional_expression") || node.is("while_statement")) {
                    SyntaxNode condition = node.is("conditional_expression") && node.namedChildren().size() > 1
                            ? node.namedChildren().get(1) : node.child("condition");
                    String why = condition == null ? null : platformTest(condition.text());
                    if (why != null) {
                        reported.add(cell.index());
                        context.report(cell, condition, why + ": the saved outputs come from one branch, and a job on "
                                + "another machine takes the other; make the choice a parameter of the job");
                    }
                } else if (node.is("try_statement")) {
                    SyntaxNode body = node.child("body");
                    if (body != null && body.text().matches("(?s)\\s*(import google\\.colab|from google\\.colab import).*")) {
                        reported.add(cell.index());
                        context.report(cell, body, "tries to import google.colab to tell whether it runs on Colab: the "
                                + "saved outputs come from one platform, and a job elsewhere takes the other path; make "
                                + "the choice a parameter of the job");
                    }
                }
            });
        }
        for (CallSite call : notebook.calls()) {
            if (call.is("sagemaker.get_execution_role", "sagemaker.session.get_execution_role")
                    && reported.add(call.cell().index())) {
                context.report(call.cell(), call.node(), "get_execution_role() works only inside a SageMaker notebook "
                        + "instance: pass the role ARN to the job as a parameter");
            }
        }
    }

    /** Why a condition tests the platform, or null when it does not. */
    private static String platformTest(String condition) {
        if (COLAB_MODULE.matcher(condition).find()) {
            return "branches on whether google.colab is loaded (runs on Colab)";
        }
        Matcher variable = PLATFORM_VARIABLE.matcher(condition);
        if (variable.find() && (condition.contains("environ") || condition.contains("getenv"))) {
            return "branches on the platform variable " + variable.group(1);
        }
        return null;
    }
}
