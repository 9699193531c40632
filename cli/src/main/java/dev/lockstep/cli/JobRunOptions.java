package dev.lockstep.cli;

import dev.lockstep.runtime.RunRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code run} and {@code verify} share: the job directory and this run's overrides. */
final class JobRunOptions {

    @Parameters(index = "0", paramLabel = "DIR", description = "The job directory (the one lockstep extract wrote).")
    Path jobDirectory;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Override a parameter of lockstep.yaml for this run; the value is checked against the"
                    + " parameter's type (int, float, bool, string). Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--input", paramLabel = "NAME=PATH",
            description = "Read this file for an input in this run (relative to the working directory); its hash is"
                    + " recorded, not checked. Repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--python", paramLabel = "PATH",
            description = "The Python interpreter: a path, or a name looked up on PATH (default: the first of"
                    + " /usr/bin/python3 and the python3s on PATH that can import the job's modules).")
    Path python;

    @Option(names = "--strict-hardware",
            description = "Refuse to run when the machine's accelerators differ from lockstep.yaml's hardware"
                    + " (default: a warning).")
    boolean strictHardware;

    /** Whether any run option was given (verify --runs takes none). */
    boolean any() {
        return !params.isEmpty() || !inputs.isEmpty() || python != null || strictHardware;
    }

    RunRequest request(CommandLine commandLine) {
        Map<String, Path> inputPaths = new LinkedHashMap<>();
        assignments(commandLine, "--input", inputs).forEach((name, path) -> inputPaths.put(name, Path.of(path)));
        return new RunRequest(jobDirectory, assignments(commandLine, "--param", params), inputPaths,
                Optional.ofNullable(python), strictHardware);
    }

    /** NAME=VALUE pairs in the order given; a missing "=" or a name given twice is a usage error. */
    private static Map<String, String> assignments(CommandLine commandLine, String option, List<String> values) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new CommandLine.ParameterException(commandLine,
                        option + " expects NAME=" + (option.equals("--input") ? "PATH" : "VALUE") + ", got '" + value + "'");
            }
            if (byName.put(value.substring(0, equals), value.substring(equals + 1)) != null) {
                throw new CommandLine.ParameterException(commandLine,
                        option + " " + value.substring(0, equals) + " is given twice");
            }
        }
        return byName;
    }
}
