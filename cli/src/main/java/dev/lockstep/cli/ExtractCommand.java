package dev.lockstep.cli;

import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.Extractor;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.OrderMode;
import dev.lockstep.extractor.plan.OutputSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep extract NOTEBOOK -o DIR}: write a reproducible job directory. */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Turns a notebook into a reproducible job directory.",
            "The job holds an ordered, seeded, parameterized pipeline/main.py, an explicit lockstep.yaml, the"
                    + " requirements, a Java launcher (RunJob.java) and a README listing what is still blocked.",
            "Exit 0: written, no blockers; 1: written with blockers (--strict: nothing written); 2: error."
        })
public final class ExtractCommand implements Callable<Integer> {

    /** --order values. */
    public enum Order { auto, document, recorded }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook to extract (never modified).")
    Path notebook;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Where to write the job.")
    Path output;

    @Option(names = "--order", defaultValue = "auto", paramLabel = "ORDER",
            description = "Cell order: auto (document order when names resolve, else the recorded order), document or recorded (default: ${DEFAULT-VALUE}).")
    Order order;

    @Option(names = "--keep-all", description = "Keep every code cell (no slicing of exploration cells).")
    boolean keepAll;

    @Option(names = "--no-determinism", description = "Leave out the determinism prelude and call-level fixes (to show they matter).")
    boolean noDeterminism;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "The seed written to lockstep.yaml (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--input", paramLabel = "NAME=PATH", description = "Bind an input to a file or folder and record its sha256 (repeatable).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME", description = "Also lift the literal bound to NAME into params (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--tolerance", paramLabel = "OUTPUT=ATOL[,RTOL]",
            description = "Compare an output numerically within a tolerance instead of byte for byte (repeatable).")
    List<String> tolerances = new ArrayList<>();

    @Option(names = "--requirements", paramLabel = "FILE",
            description = "Read version pins from this requirements file (default: <notebook>.requirements.txt or requirements.txt beside the notebook).")
    Path requirements;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this lockstep.toml (its [[io]] APIs are the job's inputs and outputs too; default: the nearest"
                    + " lockstep.toml above the notebook, up to the repository root, as scan finds it).")
    Path config;

    @Option(names = "--strict", description = "Write nothing when there are blockers.")
    boolean strict;

    @Option(names = "--force", description = "Replace a non-empty output directory (its runs/ is kept).")
    boolean force;

    @Option(names = "--carry-inputs",
            description = "Copy the bound input files and folders into the job (data/NAME/), so the job folder runs as it is elsewhere.")
    boolean carryInputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(notebook)) {
            err.println("lockstep: " + notebook + ": " + (Files.isDirectory(notebook) ? "is a directory, not a notebook file" : "no such file"));
            return ExitCodes.USAGE;
        }
        ExtractOptions options;
        try {
            options = new ExtractOptions(OrderMode.valueOf(order.name().toUpperCase(java.util.Locale.ROOT)), keepAll,
                    !noDeterminism, seed, bindings(), params, tolerances(),
                    notebook.toAbsolutePath().getParent(), output, requirements);
        } catch (IllegalArgumentException e) {
            err.println("lockstep: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Extractor.ExtractionResult result;
        try {
            result = (config != null ? Extractor.withConfig(config) : new Extractor()).extract(notebook, output, options, force, strict, carryInputs);
        } catch (ExtractException e) {
            err.println("lockstep: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ExtractionPlan plan = result.plan();
        int blockers = plan.blockers().size();
        if (result.written() != null) {
            out.println("Wrote " + output + ": " + plan.keptCells().size() + " of " + count(plan.cells().size(), "code cell")
                    + " kept (" + plan.order().reason() + "); " + count(plan.params().size(), "param") + ", "
                    + count(plan.inputs().size(), "input") + ", " + count(plan.outputs().size(), "output") + ".");
        } else {
            out.println("Wrote nothing (--strict): " + count(blockers, "blocker") + ".");
        }
        if (blockers > 0) {
            out.println(count(blockers, "blocker") + (result.written() != null
                    ? " (the job is not reproducible until each is decided; " + output.resolve("README.md") + " lists them):"
                    : " (decide each, or extract without --strict to write the job with them listed):"));
            for (Blocker b : plan.blockers()) {
                String where = b.cell() == 0 ? "notebook" : "cell " + b.cell() + (b.line() > 0 ? ":" + b.line() : "");
                out.println("  " + b.ruleId() + " " + where + ": " + b.message() + " -> " + b.decision());
            }
            out.println("'" + ProgramName.get() + " explain ID' explains each code.");
        }
        if (result.written() != null) {
            out.println("Run it: " + ProgramName.get() + " run " + output + "   (or: cd " + output + " && java RunJob.java)");
        }
        out.flush();
        return plan.blockers().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** "1 input", "2 inputs". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private Map<String, Path> bindings() {
        Map<String, Path> map = new LinkedHashMap<>();
        for (String binding : inputs) {
            int eq = binding.indexOf('=');
            if (eq <= 0 || eq == binding.length() - 1) {
                throw new IllegalArgumentException("--input " + binding + ": expected NAME=PATH");
            }
            map.put(binding.substring(0, eq), Path.of(binding.substring(eq + 1)));
        }
        return map;
    }

    private Map<String, OutputSpec.Comparison> tolerances() {
        Map<String, OutputSpec.Comparison> map = new LinkedHashMap<>();
        for (String tolerance : tolerances) {
            int eq = tolerance.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--tolerance " + tolerance + ": expected OUTPUT=ATOL[,RTOL]");
            }
            String[] parts = tolerance.substring(eq + 1).split(",");
            try {
                Double atol = Double.parseDouble(parts[0]);
                Double rtol = parts.length > 1 ? Double.parseDouble(parts[1]) : null;
                if (atol < 0 || (rtol != null && rtol < 0)) {
                    throw new NumberFormatException("negative");
                }
                map.put(tolerance.substring(0, eq), new OutputSpec.Comparison(atol, rtol));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--tolerance " + tolerance + ": ATOL and RTOL must be non-negative numbers");
            }
        }
        return map;
    }
}
