package dev.lockstep.cli;

import dev.lockstep.analyzer.config.ConfigReader;
import dev.lockstep.analyzer.config.ConfiguredRules;
import dev.lockstep.analyzer.config.LockstepConfig;
import dev.lockstep.analyzer.report.RuleListing;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lockstep rules}: list every rule. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "Lists every rule: id, name, default severity, whether extract fixes it, and what it detects.",
            "Lines are wrapped to the terminal's width (100 columns when the output is not a terminal).",
            "With --config, adds the file's team rules and shows its severities ('off' for rules it does not run)."
        })
public final class RulesCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--config", paramLabel = "FILE", description = "A lockstep.toml whose team rules and severities to show.")
    Path config;

    @Override
    public Integer call() {
        LockstepConfig settings = config == null ? LockstepConfig.NONE : new ConfigReader().read(config);
        ConfiguredRules rules = ConfiguredRules.of(settings);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            RuleListing.writeJson(rules.entries(), out);
        } else {
            RuleListing.writeText(rules.entries(), out, TerminalWidth.get());
        }
        return ExitCodes.OK;
    }
}
