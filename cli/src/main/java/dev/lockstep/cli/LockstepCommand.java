package dev.lockstep.cli;

import dev.lockstep.analyzer.LockstepVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code lockstep} command: only subcommands, help and version. */
@Command(
        name = "lockstep",
        mixinStandardHelpOptions = true,
        versionProvider = LockstepCommand.Version.class,
        description = {
            "Finds what makes a Jupyter notebook irreproducible, extracts it into a reproducible job,",
            "runs the job and proves two runs agree."
        },
        subcommands = {ScanCommand.class, RulesCommand.class, ExplainCommand.class, ExtractCommand.class,
            RunCommand.class, VerifyCommand.class, LockCommand.class, BuildCommand.class, ExportCommand.class, CommandLine.HelpCommand.class},
        footer = {
            "",
            "Exit codes: 0 success; 1 findings at or above --fail-on (scan), blockers (extract) or",
            "mismatches (verify); 2 bad usage or unreadable input."
        })
public final class LockstepCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** The command line with Lockstep's exit-code conventions: usage errors exit 2. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LockstepCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("lockstep: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("lockstep: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.USAGE;
        });
        return commandLine;
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
