package dev.lockstep.analyzer.facts.magics;

import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each IPython escape becomes in an extracted job, so that LS501, LS505 and LS506 agree on
 * which rule (if any) speaks about a magic, and agree with what {@code lockstep extract}
 * translates. Extract drops display and introspection magics, unwraps timing and capture
 * wrappers, moves {@code %env} into the job's environment, {@code %pip}/{@code %conda} into its
 * requirements, and writes {@code %%writefile} files from Python; none of those is a finding
 * here. {@code %run}, {@code %store -r} and {@code %pylab} belong to LS108, {@code %cd} to LS203.
 */
public final class MagicCatalogue {

    /** What a magic is, for a job. */
    public enum Treatment {
        /** Dropped, unwrapped or moved into config by extract, or judged by a rule of another family. */
        TRANSLATED,
        /** Runs a shell command or script (LS501). */
        SHELL,
        /** Runs code in another language, or hands its body to an extension (LS506). */
        NON_PYTHON,
        /** A line magic with no pipeline equivalent, or one extract does not know (LS505). */
        UNSUPPORTED
    }

    /** Line magics that run shell commands: {@code %sx}, {@code %system} and IPython's default shell aliases. */
    private static final Set<String> SHELL_LINE_MAGICS = Set.of("sx", "system", "sc", "ls", "ll", "lf", "lk", "ldir",
            "lx", "cat", "cp", "mv", "rm", "rmdir", "mkdir");

    /** Line magics of language bridges (rpy2, ipython-sql, julia, oct2py). */
    private static final Set<String> NON_PYTHON_LINE_MAGICS = Set.of("R", "Rpush", "Rpull", "Rget", "sql", "julia",
            "octave");

    /** Line magics that act on the interactive session itself; each with why a job has no equivalent. */
    private static final Map<String, String> UNSUPPORTED_LINE_MAGICS = Map.ofEntries(
            Map.entry("store", "it saves values in IPython's database on this machine, which a job does not have; "
                    + "write them to a file instead"),
            Map.entry("load", "it pastes a file's code into the cell when run; put the code in the cell or import it "
                    + "from a module"),
            Map.entry("loadpy", "it pastes a file's code into the cell when run; put the code in the cell or import it "
                    + "from a module"),
            Map.entry("autoreload", "it reloads modules while you edit them, and a job imports each module once; remove "
                    + "it and restart the kernel after editing a module"),
            Map.entry("aimport", "it marks modules for autoreload, and a job imports each module once; use a plain import"),
            Map.entry("reset", "it deletes the running kernel's variables, and a job starts empty; remove it"),
            Map.entry("reset_selective", "it deletes the running kernel's variables, and a job starts empty; remove it"),
            Map.entry("xdel", "it deletes a variable from the running kernel; use del, or bind a fresh name"),
            Map.entry("rerun", "it re-executes earlier input from the session history, which a job does not have; write "
                    + "the code out"),
            Map.entry("recall", "it recalls earlier input from the session history, which a job does not have; write "
                    + "the code out"),
            Map.entry("macro", "it builds a macro from the session history, which a job does not have; write a function"),
            Map.entry("edit", "it opens an editor and runs what you typed there; put the code in the cell"),
            Map.entry("save", "it writes session input to a file; keep the code in the notebook"),
            Map.entry("paste", "it runs code from the clipboard; put the code in the cell"),
            Map.entry("cpaste", "it runs code pasted at a prompt; put the code in the cell"),
            Map.entry("pushd", "it changes the working directory; use paths relative to the project instead"),
            Map.entry("popd", "it changes the working directory; use paths relative to the project instead"),
            Map.entry("bookmark", "it names directories for %cd, which a job does not use; use paths relative to the "
                    + "project instead"),
            Map.entry("dhist", "it shows the session's directory history, which a job does not have; remove it"));

    /** Extensions whose loading {@code %load_ext} does something a job cannot reproduce. */
    private static final Map<String, String> UNSUPPORTED_EXTENSIONS = Map.of(
            "autoreload", "it reloads modules while you edit them, and a job imports each module once; remove it and "
                    + "restart the kernel after editing a module");

    /**
     * Line magics extract drops or translates (display, introspection, profiling, environment,
     * package installs), and those other rules judge ({@code %run}, {@code %pylab}, {@code %cd}).
     */
    private static final Set<String> TRANSLATED_LINE_MAGICS = Set.of("matplotlib", "config", "load_ext", "unload_ext",
            "reload_ext", "precision", "pprint", "who", "whos", "who_ls", "history", "hist", "lsmagic", "xmode", "pdb",
            "notebook", "time", "timeit", "prun", "memit", "mprun", "lprun", "debug", "tb", "magic", "quickref", "page",
            "pwd", "colors", "autocall", "automagic", "doctest_mode", "env", "set_env", "pip", "conda", "mamba",
            "pinfo", "pinfo2", "pdoc", "pdef", "psource", "pfile", "run", "pylab", "cd");

    /** Cell magics that run their body as a shell script ({@code %%shell} is Colab's). */
    private static final Set<String> SHELL_CELL_MAGICS = Set.of("bash", "sh", "shell", "zsh", "system", "sx", "cmd",
            "powershell", "pwsh", "python", "python2", "python3", "pypy");

    /** Cell magics that run their body in another language, with the language's name. */
    private static final Map<String, String> NON_PYTHON_CELL_MAGICS = Map.ofEntries(
            Map.entry("r", "R"), Map.entry("javascript", "JavaScript (in the browser)"),
            Map.entry("js", "JavaScript (in the browser)"), Map.entry("html", "HTML (in the browser)"),
            Map.entry("sql", "SQL"), Map.entry("perl", "Perl"), Map.entry("ruby", "Ruby"), Map.entry("julia", "Julia"),
            Map.entry("octave", "Octave"), Map.entry("matlab", "MATLAB"), Map.entry("scala", "Scala"),
            Map.entry("spark", "Spark (on a remote cluster)"), Map.entry("sparksql", "Spark SQL"),
            Map.entry("bigquery", "BigQuery SQL"), Map.entry("cython", "Cython"), Map.entry("fortran", "Fortran"),
            Map.entry("kql", "KQL"), Map.entry("sas", "SAS"), Map.entry("stata", "Stata"), Map.entry("node", "Node.js"));

    /**
     * Cell magics extract handles: Python bodies it unwraps, display-only bodies it drops
     * (markdown, LaTeX, SVG; HTML and JavaScript unless they reach the kernel: {@link #displayOnly}), and
     * {@code %%writefile}, whose file it writes.
     */
    private static final Set<String> TRANSLATED_CELL_MAGICS = Set.of("time", "timeit", "capture", "prun", "debug",
            "memit", "mprun", "lprun", "writefile", "file");

    /** Interpreters of {@code %%script} that are shells (or Python in a separate process). */
    private static final Set<String> SHELL_INTERPRETERS = Set.of("bash", "sh", "zsh", "ksh", "dash", "csh", "tcsh",
            "fish", "python", "python2", "python3", "pypy", "pypy3", "cmd", "powershell", "pwsh");

    private MagicCatalogue() {
    }

    /** What extract does with the escape. */
    public static Treatment treatment(Magic magic) {
        return switch (magic.kind()) {
            case SHELL -> Treatment.SHELL;
            case HELP -> Treatment.TRANSLATED;
            case LINE_MAGIC -> lineMagic(magic);
            case CELL_MAGIC -> cellMagic(magic);
        };
    }

    /** For an unsupported magic, why a job has no equivalent; null otherwise. */
    public static String unsupportedReason(Magic magic) {
        if (treatment(magic) != Treatment.UNSUPPORTED) {
            return null;
        }
        if (isExtensionMagic(magic.name())) {
            return UNSUPPORTED_EXTENSIONS.get(extension(magic));
        }
        return UNSUPPORTED_LINE_MAGICS.getOrDefault(magic.name(), "it is not a magic extract knows how to translate, "
                + "so the job stops there; replace it with plain Python");
    }

    /** For a magic running another language, that language's name (or what runs the body); null otherwise. */
    public static String language(Magic magic) {
        if (treatment(magic) != Treatment.NON_PYTHON) {
            return null;
        }
        if (magic.kind() == MagicKind.LINE_MAGIC) {
            return magic.name().startsWith("R") ? "R" : NON_PYTHON_CELL_MAGICS.getOrDefault(
                    magic.name().toLowerCase(Locale.ROOT), magic.name());
        }
        if (magic.name().equals("script")) {
            return baseName(interpreter(magic));
        }
        return NON_PYTHON_CELL_MAGICS.getOrDefault(magic.name().toLowerCase(Locale.ROOT),
                "the IPython extension that provides %%" + magic.name());
    }

    private static Treatment lineMagic(Magic magic) {
        String name = magic.name();
        if (SHELL_LINE_MAGICS.contains(name)) {
            return Treatment.SHELL;
        }
        if (NON_PYTHON_LINE_MAGICS.contains(name)) {
            return Treatment.NON_PYTHON;
        }
        if (name.equals("store") && magic.arguments().startsWith("-r")) {
            return Treatment.TRANSLATED; // restoring values is LS108's
        }
        if (isExtensionMagic(name)) {
            return UNSUPPORTED_EXTENSIONS.containsKey(extension(magic)) ? Treatment.UNSUPPORTED : Treatment.TRANSLATED;
        }
        if (TRANSLATED_LINE_MAGICS.contains(name) || name.isEmpty() || name.startsWith("%")) {
            return Treatment.TRANSLATED; // a bare "%", or a misplaced "%%cell" magic (a syntax error in IPython)
        }
        return Treatment.UNSUPPORTED;
    }

    private static Treatment cellMagic(Magic magic) {
        String name = magic.name();
        if (name.equals("script")) {
            String interpreter = interpreter(magic);
            return interpreter.isEmpty() || SHELL_INTERPRETERS.contains(baseName(interpreter)) ? Treatment.SHELL
                    : Treatment.NON_PYTHON;
        }
        if (SHELL_CELL_MAGICS.contains(name)) {
            return Treatment.SHELL;
        }
        if (TRANSLATED_CELL_MAGICS.contains(name) || displayOnly(magic)) {
            return Treatment.TRANSLATED;
        }
        return Treatment.NON_PYTHON; // a known language, or an extension whose body extract cannot run
    }

    /** Cell magics whose body only renders in the browser: markup, and HTML or JavaScript that leave the kernel alone. */
    private static final Set<String> DISPLAY_CELL_MAGICS = Set.of("markdown", "md", "latex", "svg", "html", "javascript", "js");

    /** How browser code reaches the kernel: then the cell can change results, and a job cannot run it. */
    private static final java.util.regex.Pattern REACHES_KERNEL = java.util.regex.Pattern.compile(
            "kernel\\s*\\.\\s*execute|\\bcomm\\b|Jupyter\\.notebook|IPython\\.notebook\\.kernel|google\\.colab\\.kernel");

    /**
     * Whether a cell magic only displays something ({@code %%markdown}, {@code %%html},
     * {@code %%javascript} that changes how output scrolls): extract drops it, and no finding is
     * about it. HTML or JavaScript that calls back into the kernel is code (LS506).
     */
    public static boolean displayOnly(Magic magic) {
        if (magic.kind() != MagicKind.CELL_MAGIC) {
            return false;
        }
        String name = magic.name().toLowerCase(Locale.ROOT);
        return DISPLAY_CELL_MAGICS.contains(name) && !REACHES_KERNEL.matcher(magic.body()).find();
    }

    private static boolean isExtensionMagic(String name) {
        return name.equals("load_ext") || name.equals("reload_ext");
    }

    private static String extension(Magic magic) {
        String[] words = magic.arguments().strip().split("\\s+");
        return words.length == 0 ? "" : words[0];
    }

    /** The program {@code %%script} runs: its first argument that is not an option. */
    private static String interpreter(Magic magic) {
        String[] words = magic.arguments().strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--proc") || words[i].equals("--out") || words[i].equals("--err")) {
                i++; // the option's value
            } else if (!words[i].isEmpty() && !words[i].startsWith("-")) {
                return words[i];
            }
        }
        return "";
    }

    private static String baseName(String program) {
        int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        return program.substring(slash + 1).toLowerCase(Locale.ROOT).replaceAll("\\.exe$", "");
    }
}
