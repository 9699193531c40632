package dev.lockstep.cli;

import dev.lockstep.analyzer.LockstepVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code lockstep} command: only subcommands, help and version. */
@Command(
        name = "lockstep",
        mixinStandardHelpOptions = true,
        versionProvider = LockstepCommand.Version.class,
        description = "Finds what makes a Jupyter notebook irreproducible, extracts it into a reproducible job, runs"
                + " the job and proves two runs agree.",
        subcommands = {ScanCommand.class, RulesCommand.class, ExplainCommand.class, ExtractCommand.class,
            RunCommand.class, VerifyCommand.class,
            ReplayCommand.class,
            LockCommand.class,
            BuildCommand.class,
            ExportCommand.class,
            ReviewCommand.class,
            CommandLine.HelpCommand.class},
        footer = {
            "",
            "Exit codes: 0 success; 1 findings at or above --fail-on (scan), blockers (extract) or mismatches"
                    + " (verify); 2 bad usage or unreadable input.",
            "'${COMMAND-NAME} explain ID' explains a rule (LS201) or an extract code (EX002)."
        })
public final class LockstepCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /**
     * The command line with Lockstep's exit-code conventions (usage errors exit 2), named as the
     * user invoked it ({@link ProgramName}).
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LockstepCommand());
        commandLine.setCommandName(ProgramName.get());
        // Help as wide as the terminal (up to 100 columns), 100 when piped; picocli's least is 55.
        commandLine.setUsageHelpWidth(Math.max(55, Math.min(100, TerminalWidth.get())));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            String unknownCommand = unknownCommand(e);
            if (unknownCommand != null) {
                err.println("lockstep: unknown command '" + unknownCommand + "'");
                CommandSuggestion.closest(unknownCommand, cmd.getSubcommands().keySet()).ifPresent(
                        name -> err.println("Did you mean '" + cmd.getCommandSpec().qualifiedName() + " " + name + "'?"));
            } else {
                err.println("lockstep: " + e.getMessage());
                // "Did you mean: --format?" for a mistyped option.
                CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            }
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("lockstep: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.USAGE;
        });
        return commandLine;
    }

    /** The first unmatched word where a command was expected (not an option), or null. */
    private static String unknownCommand(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
                || e.getCommandLine().getSubcommands().isEmpty()) {
            return null;
        }
        java.util.List<String> words = unmatched.getUnmatched();
        if (words.isEmpty() || words.get(0).startsWith("-")) {
            return null;
        }
        return words.get(0);
    }

    /** Prints the version picocli-style. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lockstep " + LockstepVersion.get(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
