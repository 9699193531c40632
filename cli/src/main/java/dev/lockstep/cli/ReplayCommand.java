package dev.lockstep.cli;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.NotebookFormatException;
import dev.lockstep.analyzer.notebook.NotebookReader;
import dev.lockstep.runtime.replay.Engine;
import dev.lockstep.runtime.replay.ReplayException;
import dev.lockstep.runtime.replay.ReplayOrder;
import dev.lockstep.runtime.replay.ReplayRecord;
import dev.lockstep.runtime.replay.ReplayReportFormat;
import dev.lockstep.runtime.replay.ReplayRequest;
import dev.lockstep.runtime.replay.ReplayedNotebook;
import dev.lockstep.runtime.replay.Replayer;
import dev.lockstep.runtime.replay.Seeding;
import dev.lockstep.runtime.replay.Tolerance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep replay NOTEBOOK}: run the notebook itself again and compare what it prints. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the notebook's code cells in one fresh Python process (no Jupyter server), the way a kernel does,"
                    + " and compares every cell with the outputs saved in the notebook (or, with --twice, two replays with"
                    + " each other): numbers within --atol/--rtol, volatile text (memory addresses, timings, temporary"
                    + " paths...) recognised and named, images by decoded pixels.",
            "The notebook is never modified; the cells run in a temporary copy of its folder.",
            "Exit 0: every compared cell identical, within tolerance or volatile only. 1: a cell differs, raised, did"
                    + " not run, or nothing could be compared. 2: bad usage, an unreadable notebook or another kernel"
                    + " language."
        })
public final class ReplayCommand implements Callable<Integer> {

    /** --order values. */
    public enum Order { document, recorded }

    /** --format values. */
    public enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook to replay (never modified).")
    Path notebook;

    @Option(names = "--order", defaultValue = "document", paramLabel = "ORDER",
            description = "Cell order: document, or recorded (by saved execution counts) (default: ${DEFAULT-VALUE}).")
    Order order;

    @CommandLine.ArgGroup(exclusive = true)
    SeedingChoice seeding = new SeedingChoice();

    /** --seeded | --as-is. */
    static final class SeedingChoice {
        @Option(names = "--seeded", description = "Run the determinism prelude (seeds, deterministic algorithms, PYTHONHASHSEED) first.")
        boolean seeded;

        @Option(names = "--as-is", description = "Run the cells as they are (the default).")
        boolean asIs;
    }

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "The seed --seeded uses (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--python", paramLabel = "PATH", description = "The interpreter (default: /usr/bin/python3, else python3 on PATH).")
    Path python;

    @Option(names = "--timeout", defaultValue = "3600", paramLabel = "S", description = "Limit for one whole replay in seconds (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--cell-timeout", defaultValue = "600", paramLabel = "S", description = "Limit for one cell in seconds; a cell past it is interrupted and reported as not run (default: ${DEFAULT-VALUE}).")
    double cellTimeout;

    @Option(names = "--twice", description = "Replay twice and compare the two replays: is the notebook deterministic?")
    boolean twice;

    @Option(names = "--atol", defaultValue = "1e-8", paramLabel = "X", description = "Absolute tolerance for numbers in outputs (default: ${DEFAULT-VALUE}).")
    double atol;

    @Option(names = "--rtol", defaultValue = "1e-5", paramLabel = "X", description = "Relative tolerance for numbers in outputs (default: ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--write", paramLabel = "FILE.ipynb", description = "Write a copy of the notebook with the replay's outputs and execution counts 1..n.")
    Path write;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (docs/replay.md) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--record", paramLabel = "DIR", description = "Also write the JSON report to DIR/<notebook>.replay[-twice][-seeded].json.")
    Path record;

    @Option(names = "--plain", hidden = true, description = "Run the IPython-translated code even when IPython is importable (tests the fallback).")
    boolean plain;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(notebook)) {
            err.println("lockstep: " + notebook + ": " + (Files.isDirectory(notebook) ? "is a directory, not a notebook file" : "no such file"));
            return ExitCodes.USAGE;
        }
        if (write != null && write.toAbsolutePath().normalize().equals(notebook.toAbsolutePath().normalize())) {
            err.println("lockstep: --write " + write + ": that is the notebook itself; replay never modifies it, name another file");
            return ExitCodes.USAGE;
        }
        if (!(timeout > 0) || !(cellTimeout > 0)) {
            err.println("lockstep: --timeout and --cell-timeout must be positive numbers of seconds");
            return ExitCodes.USAGE;
        }
        Tolerance tolerance;
        try {
            tolerance = new Tolerance(atol, rtol, Tolerance.DEFAULT.channel(), Tolerance.DEFAULT.pixelFraction());
        } catch (IllegalArgumentException e) {
            err.println("lockstep: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        AnalyzedNotebook analyzed;
        try {
            analyzed = new NotebookAnalyzer().analyze(new NotebookReader().read(notebook, notebook.toString()));
        } catch (NotebookFormatException e) {
            err.println("lockstep: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Seeding mode = seeding.seeded ? Seeding.SEEDED : Seeding.AS_IS;
        Prelude prelude = Prelude.of(analyzed.imports().importedModules(), seed);
        ReplayRequest request = new ReplayRequest(notebook, order == Order.recorded ? ReplayOrder.RECORDED : ReplayOrder.DOCUMENT,
                mode, mode == Seeding.SEEDED ? prelude.code() : "", prelude.environment(), translated(analyzed),
                Optional.ofNullable(python), seconds(timeout), seconds(cellTimeout), twice, tolerance,
                ReplayRequest.DEFAULT_OUTPUT_CAP, plain ? Engine.PLAIN : Engine.AUTO, System.getenv());
        try {
            Replayer.Result result = new Replayer().replay(request);
            if (write != null) {
                ReplayedNotebook.write(result, write);
            }
            Path recorded = record == null ? null : ReplayRecord.write(result.report(), record);
            if (format == Format.json) {
                out.print(ReplayReportFormat.jsonText(result.report()));
            } else {
                out.print(ReplayReportFormat.text(result.report()));
                if (write != null) {
                    out.println("Wrote the replayed notebook to " + write);
                }
            }
            if (recorded != null) {
                (format == Format.json ? err : out).println("Recorded " + recorded);
            }
            out.flush();
            return result.report().exitCode();
        } catch (ReplayException e) {
            err.println("lockstep: " + e.getMessage());
            return e.exitCode();
        }
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis(Math.round(value * 1000));
    }

    /** The IPython-translated Python of each code cell, for interpreters without IPython. */
    private static Map<Integer, String> translated(AnalyzedNotebook analyzed) {
        Map<Integer, String> code = new TreeMap<>();
        for (AnalyzedCell cell : analyzed.pythonCells()) {
            code.put(cell.index(), cell.translated().python());
        }
        return code;
    }

    /**
     * The determinism prelude extract writes into every job, cut out of the same template
     * (main.py.mustache) so the two never disagree, with the seed written in; and the
     * interpreter-level settings extract puts into lockstep.yaml's environment.
     */
    record Prelude(String code, Map<String, String> environment) {

        /** What the template's prelude knows how to seed (DeterminismPass.FRAMEWORKS). */
        private static final Set<String> FRAMEWORKS = Set.of("random", "numpy", "torch", "tensorflow", "jax", "transformers");

        /**
         * Libraries that draw from NumPy's global generator when not given a seed (pandas'
         * sample, scikit-learn's random_state=None, SciPy's rvs...): seeding NumPy reaches them.
         */
        private static final Set<String> NUMPY_GLOBAL_RNG_USERS = Set.of("pandas", "sklearn", "scipy", "matplotlib",
                "seaborn", "statsmodels");

        private static final String START = "# --- determinism prelude";
        private static final String END = "# --- end of prelude";

        static Prelude of(Set<String> importedModules, long seed) {
            Set<String> frameworks = new TreeSet<>();
            frameworks.add("random");
            for (String module : importedModules) {
                String name = module.equals("keras") ? "tensorflow" : module;
                if (FRAMEWORKS.contains(name)) {
                    frameworks.add(name);
                }
                if (NUMPY_GLOBAL_RNG_USERS.contains(module)) {
                    frameworks.add("numpy");
                }
            }
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("determinism", true);
            for (String framework : FRAMEWORKS) {
                scope.put(framework, frameworks.contains(framework));
            }
            scope.put("cells", List.of());
            scope.put("futureImports", List.of());
            String main = render(scope);
            int start = main.indexOf(START);
            int end = main.indexOf(END);
            if (start < 0 || end < start) {
                throw new IllegalStateException("main.py.mustache no longer marks its determinism prelude with '" + START
                        + "' and '" + END + "'");
            }
            String code = main.substring(start, main.indexOf('\n', end) + 1)
                    .replace("LOCKSTEP_SEED = CONFIG.seed", "LOCKSTEP_SEED = " + seed);
            Map<String, String> environment = new TreeMap<>();
            environment.put("PYTHONHASHSEED", Long.toString(Math.floorMod(seed, 4294967296L)));
            if (importedModules.contains("torch")) {
                environment.put("CUBLAS_WORKSPACE_CONFIG", ":4096:8");
            }
            if (importedModules.contains("jax")) {
                environment.put("XLA_FLAGS", "--xla_gpu_deterministic_ops=true");
            }
            return new Prelude(code, environment);
        }

        private static String render(Map<String, Object> scope) {
            DefaultMustacheFactory factory = new DefaultMustacheFactory("dev/lockstep/templates/") {
                @Override
                public void encode(String value, Writer writer) {
                    try {
                        writer.write(value);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            Mustache mustache = factory.compile("main.py.mustache");
            StringWriter text = new StringWriter();
            mustache.execute(text, scope);
            return text.toString();
        }
    }
}
