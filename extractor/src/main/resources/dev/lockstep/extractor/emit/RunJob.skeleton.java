import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fixed part of every job's RunJob.java. RunJobGenerator parses this file, fills in TITLE
 * and OPTIONS (and the class comment) for one job, and prints the result. It is itself a valid
 * launcher for a job without parameters or inputs.
 */
public class RunJob {

    /** The job's title, for --help. */
    static final String TITLE = "job";

    /** One option per lifted parameter and per input, in lockstep.yaml's order. */
    static final List<Option> OPTIONS = options();

    /** Where the runtime jar is, relative to the job directory. */
    static final String RUNTIME_JAR = "lib/lockstep-runtime.jar";

    static final String RUNTIME_MAIN = "dev.lockstep.runtime.Main";

    static final int USAGE = 2;

    /** Decimal notation only, as the runtime and Python's float() read it. */
    static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** PARAM becomes --param NAME=VALUE for the runtime, INPUT --input NAME=PATH. */
    enum Kind {
        PARAM, INPUT
    }

    /**
     * A typed option of this job.
     *
     * @param flag         the option, e.g. --learning-rate
     * @param kind         parameter or input
     * @param name         its name in lockstep.yaml
     * @param type         int, float, bool or str for parameters; path for inputs
     * @param defaultValue lockstep.yaml's value as written there; null for an input bound to no file
     * @param description  one line for --help
     */
    record Option(String flag, Kind kind, String name, String type, String defaultValue, String description) {
    }

    /** One line per parameter and input of lockstep.yaml, written by lockstep extract. */
    static List<Option> options() {
        List<Option> options = new ArrayList<>();
        return List.copyOf(options);
    }

    /** What the command line asks for: help, or a runtime command line (run or verify). */
    record Request(boolean help, List<String> runtimeArguments) {
    }

    /** A wrong command line; exit code 2. */
    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Throwable {
        Request request;
        Path jobDirectory;
        try {
            request = parse(args);
            if (request.help()) {
                System.out.print(usage());
                return;
            }
            jobDirectory = jobDirectory();
        } catch (UsageException e) {
            System.err.println("RunJob: " + e.getMessage());
            System.err.println("  (java RunJob.java --help lists the options)");
            System.exit(USAGE);
            return;
        }
        List<String> runtimeArguments = new ArrayList<>(request.runtimeArguments());
        runtimeArguments.add(1, jobDirectory.toString());
        // The runtime's hints then name this program's typed options (--data PATH), not its own.
        runtimeArguments.add("--front-end=run-job");
        System.exit(runRuntime(jobDirectory, runtimeArguments));
    }

    /**
     * Reads the command line: a mode (run, the default, or verify) anywhere, and options as
     * --name VALUE or --name=VALUE. Only options given here are passed on, so lockstep.yaml
     * stays the single source of defaults.
     */
    static Request parse(String[] args) throws UsageException {
        String mode = null;
        List<String> forwarded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean runs = false;
        boolean runOptions = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
                return new Request(true, List.of());
            }
            if (!arg.startsWith("--")) {
                if (mode == null && (arg.equals("run") || arg.equals("verify"))) {
                    mode = arg;
                    continue;
                }
                throw new UsageException("unexpected argument " + arg + (mode == null ? "; the modes are run and verify"
                        : "") + "; options start with --");
            }
            int equals = arg.indexOf('=');
            String flag = equals > 0 ? arg.substring(0, equals) : arg;
            String inline = equals > 0 ? arg.substring(equals + 1) : null;
            if (!seen.add(flag)) {
                throw new UsageException(flag + " is given twice");
            }
            if (flag.equals("--strict-hardware")) {
                if (inline != null) {
                    throw new UsageException("--strict-hardware takes no value");
                }
                forwarded.add(flag);
                runOptions = true;
                continue;
            }
            if (flag.equals("--runs")) {
                if (inline != null || i + 2 >= args.length) {
                    throw new UsageException("--runs needs two run ids: --runs BASELINE CANDIDATE");
                }
                runs = true;
                forwarded.add(flag);
                forwarded.add(args[i + 1]);
                forwarded.add(args[i + 2]);
                i += 2;
                continue;
            }
            Option option = find(flag);
            if (option == null && !flag.equals("--python") && !flag.equals("--against")) {
                throw new UsageException("unknown option " + flag + suggestion(flag));
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(flag + " needs a value");
                }
                value = args[++i];
            }
            if (option == null) {
                if (value.isEmpty()) {
                    throw new UsageException(flag + " needs a value");
                }
                forwarded.add(flag);
                forwarded.add(value);
                runOptions |= flag.equals("--python");
                continue;
            }
            check(option, value);
            forwarded.add(option.kind() == Kind.PARAM ? "--param" : "--input");
            forwarded.add(option.name() + "=" + value);
            runOptions = true;
        }
        if (mode == null) {
            mode = "run";
        }
        if (mode.equals("run") && (seen.contains("--against") || runs)) {
            throw new UsageException((runs ? "--runs" : "--against") + " belongs to verify: java RunJob.java verify "
                    + (runs ? "--runs BASELINE CANDIDATE" : "--against RUN"));
        }
        if (runs && (runOptions || seen.contains("--against"))) {
            throw new UsageException("--runs compares two recorded runs and runs nothing; it takes no other options");
        }
        List<String> runtimeArguments = new ArrayList<>();
        runtimeArguments.add(mode);
        runtimeArguments.addAll(forwarded);
        return new Request(false, runtimeArguments);
    }

    static Option find(String flag) {
        for (Option option : OPTIONS) {
            if (option.flag().equals(flag)) {
                return option;
            }
        }
        return null;
    }

    /** A hint after "unknown option": the option meant, or the job's options. */
    static String suggestion(String flag) {
        String wanted = flag.toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> flags = new ArrayList<>();
        for (Option option : OPTIONS) {
            if (option.flag().equals(wanted)) {
                return "; did you mean " + option.flag() + "?";
            }
            flags.add(option.flag());
        }
        return flags.isEmpty() ? "; this job has no parameter or input options"
                : "; this job's options are " + String.join(", ", flags);
    }

    /** Checks a value against the option's type, as the runtime will parse it. */
    static void check(Option option, String value) throws UsageException {
        boolean fits;
        String expected;
        switch (option.type()) {
            case "int" -> {
                fits = INTEGER.matcher(value).matches() && fitsInLong(value);
                expected = "an integer (64-bit)";
            }
            case "float" -> {
                fits = DECIMAL.matcher(value).matches() && Double.isFinite(Double.parseDouble(value));
                expected = "a float in decimal notation, e.g. 0.003 or 3e-3";
            }
            case "bool" -> {
                String lower = value.toLowerCase(Locale.ROOT);
                fits = lower.equals("true") || lower.equals("false");
                expected = "true or false";
            }
            case "path" -> {
                fits = !value.isEmpty();
                expected = "a file path";
            }
            default -> {
                fits = true;
                expected = "a string";
            }
        }
        if (!fits) {
            throw new UsageException(option.flag() + " expects " + expected + ", got \"" + value + "\"");
        }
    }

    static boolean fitsInLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The --help text. */
    static String usage() {
        StringBuilder text = new StringBuilder();
        text.append("usage: java RunJob.java [run] [options]\n");
        text.append("       java RunJob.java verify [--against RUN] [options]\n");
        text.append("       java RunJob.java verify --runs BASELINE CANDIDATE\n\n");
        text.append("Runs the Lockstep job \"").append(TITLE).append("\" with ").append(RUNTIME_JAR).append(":\n");
        text.append("its inputs are checked against their sha256, pipeline/main.py runs under the determinism\n");
        text.append("environment, and the outputs are hashed and recorded under runs/<run-id>/.\n");
        text.append("An option left out takes lockstep.yaml's value, shown as the default. A PATH given here is\n");
        text.append("relative to the working directory; lockstep.yaml's paths are relative to the job directory.\n");
        List<String[]> params = rowsOf(Kind.PARAM);
        List<String[]> inputs = rowsOf(Kind.INPUT);
        List<String[]> other = new ArrayList<>();
        other.add(new String[] {"--python PATH", "the Python interpreter (default: the first python3 that imports the"
                + " job's modules)"});
        other.add(new String[] {"--strict-hardware", "refuse to run when the machine differs from lockstep.yaml's"
                + " hardware"});
        other.add(new String[] {"--against RUN", "verify: compare with this recorded run (default: the newest"
                + " successful run of the same parameters and inputs)"});
        other.add(new String[] {"--runs A B", "verify: compare two recorded runs, A the baseline; runs nothing"});
        other.add(new String[] {"-h, --help", "show this help"});
        int width = 0;
        for (List<String[]> rows : List.of(params, inputs, other)) {
            for (String[] row : rows) {
                width = Math.max(width, row[0].length());
            }
        }
        if (!params.isEmpty()) {
            text.append("\nparameters:\n");
            appendRows(text, params, width);
        }
        if (!inputs.isEmpty()) {
            text.append("\ninputs:\n");
            appendRows(text, inputs, width);
        }
        text.append("\noptions:\n");
        appendRows(text, other, width);
        text.append("\nThe job directory is the folder that holds RunJob.java (else the working directory).\n");
        text.append("Exit codes: 0 success; 1 the job failed, an input changed or verify found a difference;\n");
        text.append("2 a wrong option, lockstep.yaml or missing secret.\n");
        return text.toString();
    }

    static List<String[]> rowsOf(Kind kind) {
        List<String[]> rows = new ArrayList<>();
        for (Option option : OPTIONS) {
            if (option.kind() != kind) {
                continue;
            }
            String label = option.flag() + " " + switch (option.type()) {
                case "int" -> "INT";
                case "float" -> "FLOAT";
                case "bool" -> "true|false";
                case "path" -> "PATH";
                default -> "TEXT";
            };
            String description = option.description() == null || option.description().isBlank() ? ""
                    : option.description().strip() + " ";
            String defaultText = option.defaultValue() != null ? "(default: " + option.defaultValue() + ")"
                    : "(required: lockstep.yaml binds no file)";
            rows.add(new String[] {label, description + defaultText});
        }
        return rows;
    }

    static void appendRows(StringBuilder text, List<String[]> rows, int width) {
        for (String[] row : rows) {
            text.append("  ").append(row[0]).append(" ".repeat(width - row[0].length() + 3)).append(row[1]).append('\n');
        }
    }

    /**
     * The job directory: the folder of this source file when run as {@code java RunJob.java}
     * (the source launcher gives the class the file as its code source), else the working
     * directory; either must hold lockstep.yaml.
     */
    static Path jobDirectory() throws UsageException {
        Path here = null;
        try {
            CodeSource source = RunJob.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path location = Path.of(source.getLocation().toURI());
                here = Files.isDirectory(location) ? location : location.getParent();
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            here = null;
        }
        if (here != null && Files.isRegularFile(here.resolve("lockstep.yaml"))) {
            return here;
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(workingDirectory.resolve("lockstep.yaml"))) {
            return workingDirectory;
        }
        throw new UsageException("cannot find the job directory: no lockstep.yaml "
                + (here != null ? "next to RunJob.java in " + here + " or " : "") + "in the working directory "
                + workingDirectory);
    }

    /**
     * Runs the runtime in this JVM: loads lib/lockstep-runtime.jar in its own class loader and
     * calls its main, which exits with the run's exit code. One JVM instead of two saves a JVM
     * start and keeps Ctrl-C, streams and the exit code with the caller.
     */
    static int runRuntime(Path jobDirectory, List<String> runtimeArguments) throws Throwable {
        Path jar = jobDirectory.resolve(RUNTIME_JAR);
        PrintStream err = System.err;
        if (!Files.isRegularFile(jar)) {
            err.println("RunJob: " + jar + " is missing; extract the job again (lockstep extract) to restore it");
            return USAGE;
        }
        URL[] classpath = {jar.toUri().toURL()};
        URLClassLoader loader = new URLClassLoader("lockstep-runtime", classpath, ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Method main;
        try {
            main = Class.forName(RUNTIME_MAIN, true, loader).getMethod("main", String[].class);
        } catch (ReflectiveOperationException | LinkageError e) {
            err.println("RunJob: " + jar + " is not a Lockstep runtime jar (" + e + ")");
            return USAGE;
        }
        try {
            main.invoke(null, (Object) runtimeArguments.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return 0;
    }
}
