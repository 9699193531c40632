package dev.lockstep.cli;

import dev.lockstep.analyzer.config.ConfigReader;
import dev.lockstep.analyzer.config.ConfiguredRules;
import dev.lockstep.analyzer.config.LockstepConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep explain ID}: print one rule's documentation. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Prints one rule's documentation: what it detects, why it breaks reproducibility, an example, "
                    + "what to write instead, and what extract does.",
            "Exit 2 for an id that names no rule."
        })
public final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A rule id (LS201) or name (absolute-path).")
    String id;

    @Option(names = "--config", paramLabel = "FILE", description = "A lockstep.toml whose team rules to explain too.")
    Path config;

    @Override
    public Integer call() {
        LockstepConfig settings = config == null ? LockstepConfig.NONE : new ConfigReader().read(config);
        ConfiguredRules rules = ConfiguredRules.of(settings);
        Optional<ConfiguredRules.Entry> rule = rules.find(id);
        if (rule.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("lockstep: " + rules.unknownRuleMessage(id));
            err.flush();
            return ExitCodes.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(rule.get().page());
        out.flush();
        return ExitCodes.OK;
    }
}
