package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.environment.EnvironmentRead;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.rules.portability.SiteInventory;
import java.util.Map;

/**
 * LS205: values read from the machine that runs the notebook: environment variables
 * ({@code os.environ[...]}, {@code os.environ.get}, {@code os.getenv}, {@code "X" in os.environ})
 * and the user and host names. The reads come from the facts layer
 * ({@link dev.lockstep.analyzer.facts.environment.EnvironmentVariables}); a variable the
 * notebook sets itself before the read ({@code os.environ["X"] = ...}, {@code %env X=...}) is
 * not the machine's and is left out. The reads are an inventory: every one goes to the
 * notebook's inventory and one summary finding names how many there are. A secret read from the
 * environment is the right way to hold it: it is noted here, as information, and never as LS601.
 */
@RuleInfo(id = "LS205", name = "environment-dependent", category = Category.PATHS,
        severity = Severity.INFO, remedy = Remedy.REPORTED,
        summary = "os.environ / os.getenv reads, user name, host name")
public final class EnvironmentDependent implements Rule {

    private static final Map<String, String> MACHINE_READS = Map.of(
            "getpass.getuser", "the user name", "os.getlogin", "the user name",
            "socket.gethostname", "the host name", "socket.getfqdn", "the host name",
            "platform.node", "the host name", "os.uname", "the host name");

    @Override
    public void check(RuleContext context) {
        SiteInventory.summarise(context, EnvironmentDependent::sites, f -> f.message(),
                (n, named) -> (n == 1 ? "1 value comes" : n + " values come") + " from the machine that runs the "
                        + "notebook: " + named + "; another machine or user has others, or none: make each a parameter "
                        + "of the job, or a secret if it is a credential (the report's inventory lists every one)");
    }

    /** Every read, reported to a collecting context with its inventory text as the message. */
    private static void sites(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (EnvironmentRead read : notebook.facts().environment().reads()) {
            if (!read.setBefore()) {
                context.report(read.cell(), read.node(), read.code());
            }
        }
        for (CallSite call : notebook.calls()) {
            if (call.qualifiedName() != null && MACHINE_READS.containsKey(call.qualifiedName())) {
                context.report(call.cell(), call.node(), call.qualifiedName() + "() (" + MACHINE_READS.get(
                        call.qualifiedName()) + ")");
            }
        }
    }
}
