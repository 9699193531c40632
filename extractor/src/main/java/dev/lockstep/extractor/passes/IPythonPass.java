package dev.lockstep.extractor.passes;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.facts.magics.MagicCatalogue;
import dev.lockstep.analyzer.facts.secrets.SecretDetector;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.extractor.code.PythonText;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.PlannedCell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pass 3: turns IPython into plain Python. Display magics go; package installs go (the
 * dependencies pass turns them into requirements); other shell lines become explicit
 * {@code subprocess.run([...], check=True)} calls; {@code %env} goes into the config's
 * environment; {@code %%time}-style wrappers are unwrapped; what has no equivalent
 * ({@code %run}, {@code %store}, {@code %cd}, foreign-language cells) is a blocker.
 */
public final class IPythonPass implements Pass {

    /** Line magics that only affect display or the interactive session. */
    private static final Set<String> DROPPED_LINE_MAGICS = Set.of("matplotlib", "config", "load_ext", "unload_ext",
            "reload_ext", "autoreload", "aimport", "pylab", "precision", "pprint", "who", "whos", "who_ls", "history",
            "lsmagic", "xmode", "pdb", "notebook", "timeit", "prun", "memit", "mprun", "lprun", "debug", "tb", "magic",
            "quickref", "page", "pwd", "ls", "colors", "autocall", "automagic", "doctest_mode");

    /** Cell magics whose Python body runs once, unwrapped, in the job. */
    private static final Set<String> UNWRAPPED_CELL_MAGICS = Set.of("time", "timeit", "capture", "prun", "debug", "memit",
            "mprun", "lprun");

    /** Magics with no pipeline equivalent. */
    private static final Set<String> BLOCKING_LINE_MAGICS = Set.of("run", "store", "cd", "load", "reset", "bookmark",
            "dhist", "pushd", "popd", "edit", "recall", "rerun", "macro", "save", "paste", "cpaste", "sc");

    private static final Pattern SHELL_SYNTAX = Pattern.compile("[|&;<>()$`*?\\[\\]~{}\"'\\\\]|\\s#");
    private static final Pattern ENV_ASSIGN = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*[= ]\\s*(.*)$");

    @Override
    public String name() {
        return "ipython";
    }

    @Override
    public ExtractionPlan apply(ExtractionPlan plan) {
        ExtractionPlan.Builder next = plan.toBuilder();
        List<PlannedCell> cells = new ArrayList<>();
        for (PlannedCell cell : plan.cells()) {
            if (!cell.kept()) {
                cells.add(cell);
                continue;
            }
            AnalyzedCell analyzed = plan.source().cell(cell.index());
            // Escapes are rewritten bottom-up; report them top-down.
            List<Change> changes = new ArrayList<>();
            ExtractionPlan.Builder collecting = plan.toBuilder();
            String code = translate(analyzed, cell, collecting, plan.source().definedNames());
            ExtractionPlan collected = collecting.build();
            changes.addAll(collected.changes().subList(plan.changes().size(), collected.changes().size()));
            changes.sort(java.util.Comparator.comparingInt(Change::line));
            changes.forEach(next::change);
            collected.blockers().subList(plan.blockers().size(), collected.blockers().size()).forEach(next::blocker);
            collected.environment().forEach((k, v) -> {
                if (!plan.environment().containsKey(k)) {
                    next.environment(k, v);
                }
            });
            collected.secrets().forEach(next::secret);
            cells.add(cell.withCode(code));
        }
        return next.cells(cells).build();
    }

    private String translate(AnalyzedCell analyzed, PlannedCell cell, ExtractionPlan.Builder next, Set<String> defined) {
        if (analyzed.magics().isEmpty()) {
            return cell.code();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(cell.code().split("\n", -1)));
        boolean needsSubprocess = false;
        boolean needsPathlib = false;
        // Replace from the bottom so earlier line numbers stay valid.
        List<Magic> magics = new ArrayList<>(analyzed.magics());
        magics.sort((a, b) -> Integer.compare(b.line(), a.line()));
        for (Magic magic : magics) {
            int first = magic.line() - 1;
            int last = magic.kind() == MagicKind.CELL_MAGIC ? first : magic.endLine() - 1;
            String original = lines.get(first);
            String indent = PythonText.indentOf(original);
            String prefix = original.substring(0, Math.min(original.length(), magic.column() - 1));
            String text = original.strip();
            List<String> replacement;
            switch (magic.kind()) {
                case HELP -> {
                    replacement = List.of(removed(indent, text));
                    next.change(new Change(name(), cell.number(), magic.line(), "removed help request " + text));
                }
                case LINE_MAGIC -> replacement = lineMagic(magic, cell, indent, prefix, text, next);
                case SHELL -> {
                    if (magic.isPipInstall()) {
                        replacement = List.of(removed(indent, text));
                        next.change(new Change(name(), cell.number(), magic.line(),
                                "moved package install to pipeline/requirements.txt: " + text));
                    } else {
                        replacement = List.of(prefix + subprocessCall(magic, defined));
                        needsSubprocess = true;
                        next.change(new Change(name(), cell.number(), magic.line(),
                                "shell command became " + (replacement.get(0).contains("check=True")
                                        ? "subprocess.run(..., check=True): " : "subprocess.run(...) (it only looks at files; a failure does not stop the job): ") + text));
                    }
                }
                case CELL_MAGIC -> {
                    List<String> body = lines.subList(first + 1, lines.size());
                    List<String> translated = cellMagic(magic, cell, body, text, next);
                    if (magic.name().equals("bash") || magic.name().equals("sh") || magic.name().equals("script")) {
                        needsSubprocess = needsSubprocess || translated.stream().anyMatch(l -> l.contains("subprocess."));
                    }
                    needsPathlib = needsPathlib || translated.stream().anyMatch(l -> l.contains("pathlib."));
                    List<String> rebuilt = new ArrayList<>(lines.subList(0, first));
                    rebuilt.addAll(translated);
                    lines = rebuilt;
                    continue;
                }
                default -> replacement = List.of(original);
            }
            List<String> rebuilt = new ArrayList<>(lines.subList(0, first));
            rebuilt.addAll(replacement);
            rebuilt.addAll(lines.subList(last + 1, lines.size()));
            lines = rebuilt;
        }
        if (needsPathlib) {
            lines.add(0, "import pathlib");
        }
        if (needsSubprocess) {
            lines.add(0, "import subprocess");
        }
        return String.join("\n", lines);
    }

    private List<String> lineMagic(Magic magic, PlannedCell cell, String indent, String prefix, String text,
            ExtractionPlan.Builder next) {
        String name = magic.name();
        if (name.equals("time") && magic.assignedTo() == null && !magic.arguments().isEmpty()
                && !magic.arguments().startsWith("-")) {
            next.change(new Change(name(), cell.number(), magic.line(), "unwrapped " + text));
            return List.of(indent + magic.arguments());
        }
        if (magic.isPipInstall()) {
            next.change(new Change(name(), cell.number(), magic.line(), "moved package install to pipeline/requirements.txt: " + text));
            return List.of(removed(indent, text));
        }
        if (name.equals("env")) {
            Matcher assign = ENV_ASSIGN.matcher(magic.arguments());
            if (assign.matches() && !assign.group(2).isBlank()
                    && !SecretDetector.findInValue(assign.group(2).strip(), assign.group(1)).isEmpty()) {
                // A credential (LS601): never written into lockstep.yaml, the README or the script; the job
                // takes the variable from the caller's environment like every other secret.
                String variable = assign.group(1);
                next.secret(variable);
                next.change(new Change(name(), cell.number(), magic.line(), "%" + name + " " + variable
                        + " sets a credential: the job reads " + variable + " from the caller's environment (never stored)"));
                return List.of(removed(indent, "%" + name + " " + variable + "=<credential>"));
            }
            if (assign.matches() && !assign.group(2).isBlank()) {
                next.environment(assign.group(1), assign.group(2).strip());
                next.change(new Change(name(), cell.number(), magic.line(),
                        "moved " + text + " to lockstep.yaml environment (set before Python starts)"));
            } else {
                next.change(new Change(name(), cell.number(), magic.line(), "removed " + text));
            }
            return List.of(removed(indent, text));
        }
        if (name.equals("sx") || name.equals("system")) {
            next.change(new Change(name(), cell.number(), magic.line(), "shell command became subprocess.run: " + text));
            return List.of(prefix + "__import__(\"subprocess\").run([\"bash\", \"-c\", " + PythonText.string(magic.arguments())
                    + "], check=True, capture_output=True, text=True).stdout.splitlines()");
        }
        if (DROPPED_LINE_MAGICS.contains(name)) {
            next.change(new Change(name(), cell.number(), magic.line(), "removed " + text));
            return List.of(removed(indent, text));
        }
        String why = BLOCKING_LINE_MAGICS.contains(name) ? "has no equivalent in a pipeline" : "is not a magic extract knows";
        next.blocker(new Blocker(name.equals("run") || name.equals("store") ? "LS108" : "LS505", cell.number(), magic.line(),
                text + " " + why, blockerDecision(name)));
        return List.of(indent + "raise RuntimeError(" + PythonText.string("lockstep: " + text + " " + why) + ")");
    }

    private static String blockerDecision(String magic) {
        return switch (magic) {
            case "run" -> "inline the script's code in the notebook (or import it as a module shipped with the job)";
            case "store" -> "compute or load the stored value in the notebook itself";
            case "cd" -> "use paths relative to the project instead of changing directory";
            case "load" -> "paste the loaded code into the cell";
            default -> "replace the magic with plain Python";
        };
    }

    private List<String> cellMagic(Magic magic, PlannedCell cell, List<String> body, String header,
            ExtractionPlan.Builder next) {
        String name = magic.name();
        List<String> out = new ArrayList<>();
        if (UNWRAPPED_CELL_MAGICS.contains(name)) {
            out.add("# lockstep: unwrapped " + header);
            out.addAll(body);
            next.change(new Change(name(), cell.number(), magic.line(), "unwrapped " + header
                    + (name.equals("timeit") ? " (its body now runs once, and its assignments persist)" : "")));
            return out;
        }
        String bodyText = String.join("\n", body);
        if (name.equals("bash") || name.equals("sh") || (name.equals("script") && magic.arguments().matches("(ba)?sh\\b.*"))) {
            out.add("# lockstep: " + header);
            out.add("subprocess.run([\"bash\", \"-c\", " + PythonText.string(bodyText) + "], check=True)");
            next.change(new Change(name(), cell.number(), magic.line(), header + " cell became subprocess.run(..., check=True)"));
            return out;
        }
        if (name.equals("writefile") || name.equals("file")) {
            String[] words = magic.arguments().strip().split("\\s+");
            boolean append = Arrays.asList(words).contains("-a") || Arrays.asList(words).contains("--append");
            String target = words.length == 0 ? "" : words[words.length - 1];
            out.add("# lockstep: " + header);
            String content = PythonText.string(bodyText + (bodyText.endsWith("\n") || bodyText.isEmpty() ? "" : "\n"));
            if (append) {
                out.add("with open(" + PythonText.string(target) + ", \"a\", encoding=\"utf-8\") as _lockstep_file:");
                out.add("    _lockstep_file.write(" + content + ")");
            } else {
                out.add("pathlib.Path(" + PythonText.string(target) + ").write_text(" + content + ", encoding=\"utf-8\")");
            }
            next.change(new Change(name(), cell.number(), magic.line(), header + " became a Python file write"));
            return out;
        }
        if (MagicCatalogue.displayOnly(magic)) {
            out.add("# lockstep: removed " + header + " display cell");
            next.change(new Change(name(), cell.number(), magic.line(), "removed " + header + " display cell"));
            return out;
        }
        next.blocker(new Blocker("LS506", cell.number(), magic.line(), header + " runs code that is not Python",
                "rewrite the cell in Python, or run that step outside the job and declare its result as an input"));
        out.add("# lockstep: " + header + " cell is not Python; it cannot run in the job:");
        for (String line : body) {
            out.add("# " + line);
        }
        out.add("raise RuntimeError(" + PythonText.string("lockstep: " + header + " cell cannot run in a Python job") + ")");
        return out;
    }

    /** Shell programs that only look at files: a failure there does not make the job's results wrong. */
    private static final Set<String> LOOK_ONLY_PROGRAMS = Set.of("ls", "cat", "head", "tail", "wc", "du", "df", "file",
            "tree", "pwd", "echo", "nvidia-smi", "free", "uname", "which", "whoami", "hostname", "nproc", "lscpu", "stat",
            "md5sum", "sha256sum", "find");

    /**
     * {@code subprocess.run([...], check=True)} for a shell escape; captured output for
     * {@code x = !cmd}. {@code {expr}} and {@code $name} are expanded as IPython does (the value's
     * {@code str()} inserted into the command, {@code {{}}} for a literal brace). A command that only
     * looks at files ({@code !head -4 data/x.csv}) runs without {@code check=True}: its failure does not stop the job.
     */
    static String subprocessCall(Magic magic, Set<String> defined) {
        String command = magic.commandLine();
        boolean capture = magic.assignedTo() != null;
        String argv;
        String expanded = expansion(command, defined);
        if (expanded != null) {
            argv = "[\"bash\", \"-c\", " + expanded + "]";
        } else if (!SHELL_SYNTAX.matcher(command).find()) {
            List<String> words = new ArrayList<>();
            for (String word : command.strip().split("\\s+")) {
                words.add(PythonText.string(word));
            }
            argv = "[" + String.join(", ", words) + "]";
        } else {
            argv = "[\"bash\", \"-c\", " + PythonText.string(command) + "]";
        }
        boolean lookOnly = LOOK_ONLY_PROGRAMS.contains(magic.name()) && !command.matches("(?s).*[>|;&].*");
        String check = lookOnly ? "" : ", check=True";
        if (capture) {
            return "subprocess.run(" + argv + check + ", capture_output=True, text=True).stdout.splitlines()";
        }
        return "subprocess.run(" + argv + check + ")";
    }

    /**
     * The command as a Python expression with IPython's expansions ({@code {expr}}, {@code $name},
     * {@code $$} / {@code {{}}} for literal characters), or null when it has none.
     */
    static String expansion(String command, Set<String> defined) {
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean any = false;
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (c == '{' && i + 1 < command.length() && command.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
                continue;
            }
            if (c == '}' && i + 1 < command.length() && command.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
                continue;
            }
            if (c == '{') {
                int depth = 0;
                int j = i;
                for (; j < command.length(); j++) {
                    char d = command.charAt(j);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}' && --depth == 0) {
                        break;
                    }
                }
                String inner = j < command.length() ? command.substring(i + 1, j).strip() : "";
                if (!inner.isEmpty() && inner.matches("(?s)[A-Za-z_(\\[].*")) {
                    if (literal.length() > 0) {
                        parts.add(PythonText.string(literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add("str(" + inner + ")");
                    any = true;
                    i = j + 1;
                    continue;
                }
            }
            if (c == '$' && i + 1 < command.length() && command.charAt(i + 1) == '$') {
                literal.append('$');
                i += 2;
                continue;
            }
            if (c == '$' && i + 1 < command.length() && Character.isJavaIdentifierStart(command.charAt(i + 1))) {
                int j = i + 1;
                while (j < command.length() && (Character.isLetterOrDigit(command.charAt(j)) || command.charAt(j) == '_')) {
                    j++;
                }
                String name = command.substring(i + 1, j);
                if (defined.contains(name)) {
                    // IPython expands $name from the user namespace; other names ($HOME) are left to the shell.
                    if (literal.length() > 0) {
                        parts.add(PythonText.string(literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add("str(" + name + ")");
                    any = true;
                    i = j;
                    continue;
                }
            }
            literal.append(c);
            i++;
        }
        if (!any) {
            return null;
        }
        if (literal.length() > 0) {
            parts.add(PythonText.string(literal.toString()));
        }
        return String.join(" + ", parts);
    }

    /** A line that replaces a removed escape: a comment, or {@code pass} inside a block. */
    private static String removed(String indent, String text) {
        String comment = "# lockstep: removed " + text;
        return indent.isEmpty() ? comment : indent + "pass  " + comment;
    }
}
