package dev.lockstep.cli;

import dev.lockstep.analyzer.config.ConfigResolver;
import dev.lockstep.analyzer.config.RuleSelection;
import dev.lockstep.analyzer.report.JsonReport;
import dev.lockstep.analyzer.report.SarifReport;
import dev.lockstep.analyzer.report.TextReport;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.scan.BatchScanner;
import dev.lockstep.analyzer.scan.NotebookFiles;
import dev.lockstep.analyzer.scan.ScanResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep scan PATH...}: analyse notebooks and report reproducibility gaps. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = {
            "Analyses notebooks (files, or folders searched recursively) and reports reproducibility gaps.",
            "Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 on bad usage or unreadable input."
        })
public final class ScanCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, json, sarif }

    /** Colour choice. */
    public enum Color { auto, always, never }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Notebook files or folders to scan.")
    List<String> paths;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at or above this severity: info, warning or error (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--color", defaultValue = "auto", paramLabel = "WHEN",
            description = "Colour the text format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a terminal).")
    Color color;

    @Option(names = "--no-code-frames", description = "Leave out the source line and caret under each text finding.")
    boolean noCodeFrames;

    @Option(names = "--threads", paramLabel = "N", description = "Notebooks scanned in parallel (default: all cores).")
    Integer threads;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this lockstep.toml for every notebook (default: the nearest lockstep.toml above each"
                    + " notebook, up to the repository root).")
    Path config;

    @Option(names = "--select", split = ",", paramLabel = "IDS",
            description = "Run only these rule ids or family prefixes (comma-separated; replaces the file's select).")
    List<String> select;

    @Option(names = "--ignore", split = ",", paramLabel = "IDS",
            description = "Do not run these rule ids or family prefixes (comma-separated; added to the file's ignore).")
    List<String> ignore;

    @Override
    public Integer call() {
        Severity threshold;
        try {
            threshold = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        List<NotebookFiles.Target> targets = NotebookFiles.expand(paths,
                folder -> err.println("lockstep: warning: " + folder + ": no notebooks (.ipynb) in this folder"));
        err.flush();
        RuleSelection selection = new RuleSelection(select, ignore);
        ConfigResolver configs = config != null ? ConfigResolver.using(config, selection)
                : ConfigResolver.discovering(selection);
        configs.prepare(targets.stream().map(NotebookFiles.Target::path).toList()); // a bad config: exit 2 before any output
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        BatchScanner scanner = new BatchScanner(configs, threadCount);
        PrintWriter out = spec.commandLine().getOut();
        ScanResult result;
        if (format == Format.text) {
            TextReport report = new TextReport(out, useColor(), !noCodeFrames);
            List<dev.lockstep.analyzer.scan.FileReport> reports = new java.util.ArrayList<>();
            scanner.scan(targets, file -> {
                report.write(file);
                reports.add(file);
            });
            report.summary();
            result = new ScanResult(reports, configs.rules());
        } else {
            result = scanner.scan(targets);
            if (format == Format.json) {
                JsonReport.write(result, out);
            } else {
                SarifReport.write(result, out);
            }
        }
        out.flush();
        if (result.failedCount() > 0) {
            return ExitCodes.USAGE;
        }
        return result.hasFindingsAtOrAbove(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private boolean useColor() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
