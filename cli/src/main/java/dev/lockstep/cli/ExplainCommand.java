package dev.lockstep.cli;

import dev.lockstep.analyzer.config.ConfigReader;
import dev.lockstep.analyzer.config.ConfiguredRules;
import dev.lockstep.analyzer.config.LockstepConfig;
import dev.lockstep.extractor.codes.ExtractCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep explain ID}: print one rule's or extract code's documentation. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the documentation of a rule (LS201) or an extract code (EX002).",
            "A rule's page says what it detects, why it breaks reproducibility, an example, what to write instead"
                    + " and what extract does; an extract code's page says what the blocker means and what to do."
                    + " The page is plain text wrapped to the terminal (--markdown: its Markdown source).",
            "Exit 2 for an id that names nothing."
        })
public final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID",
            description = "A rule id (LS201) or name (absolute-path), or an extract code (EX002) or its name.")
    String id;

    @Option(names = "--markdown", description = "Print the page's Markdown source instead of terminal text.")
    boolean markdown;

    @Option(names = "--config", paramLabel = "FILE", description = "A lockstep.toml whose team rules to explain too.")
    Path config;

    @Override
    public Integer call() {
        LockstepConfig settings = config == null ? LockstepConfig.NONE : new ConfigReader().read(config);
        ConfiguredRules rules = ConfiguredRules.of(settings);
        Optional<String> page = rules.find(id).map(ConfiguredRules.Entry::page)
                .or(() -> ExtractCode.find(id).map(ExtractCode::page));
        if (page.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("lockstep: " + (looksLikeExtractCode(id) ? unknownExtractCode(id) : rules.unknownRuleMessage(id)));
            err.flush();
            return ExitCodes.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(markdown ? page.get() : TerminalMarkdown.render(page.get(), TerminalWidth.get()));
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean looksLikeExtractCode(String id) {
        return id.strip().toUpperCase(Locale.ROOT).startsWith("EX");
    }

    private static String unknownExtractCode(String id) {
        return "unknown extract code '" + id + "'; the codes are "
                + Arrays.stream(ExtractCode.values()).map(ExtractCode::id).collect(Collectors.joining(", "))
                + " (docs/extract-codes.md)";
    }
}
