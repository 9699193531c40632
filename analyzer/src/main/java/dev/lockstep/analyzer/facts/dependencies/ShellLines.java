package dev.lockstep.analyzer.facts.dependencies;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every shell command line a notebook runs, in document order, with where it is written:
 * {@code !cmd} escapes, the shell-running line magics ({@code %pip}, {@code %conda},
 * {@code %sx}, {@code %cd} as {@code cd}), the lines of {@code %%bash}/{@code %%sh}/
 * {@code %%script bash}/{@code %%shell} cells, and commands given as literals to
 * {@code os.system} and {@code subprocess} ({@code sys.executable} read as {@code python}).
 */
public final class ShellLines {

    /**
     * One command line.
     *
     * @param cell       the cell it is in
     * @param position   where it is written in the cell's own source
     * @param text       the command line as the shell sees it (before IPython's interpolation)
     * @param persistent whether it runs in the kernel's own process ({@code %cd}), so a
     *                   directory change outlives the line; {@code !cd} does not
     */
    public record Line(AnalyzedCell cell, Position position, String text, boolean persistent) {
    }

    private static final Set<String> SHELL_CELL_MAGICS = Set.of("bash", "sh", "shell", "system");
    private static final Set<String> SHELL_LINE_MAGICS = Set.of("pip", "conda", "mamba", "micromamba", "sx", "system");

    private ShellLines() {
    }

    public static List<Line> of(AnalyzedNotebook notebook) {
        List<Line> lines = new ArrayList<>();
        Map<Integer, List<Line>> pythonCommands = new HashMap<>();
        for (CallSite call : notebook.calls()) {
            String text = pythonCommand(notebook, call);
            if (text != null) {
                pythonCommands.computeIfAbsent(call.cell().index(), k -> new ArrayList<>())
                        .add(new Line(call.cell(), call.position(), text, false));
            }
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            List<Line> inCell = new ArrayList<>();
            for (Magic magic : cell.magics()) {
                switch (magic.kind()) {
                    case SHELL -> inCell.add(new Line(cell, cell.position(magic), magic.commandLine(), false));
                    case LINE_MAGIC -> {
                        if (SHELL_LINE_MAGICS.contains(magic.name())) {
                            String text = magic.name().equals("sx") || magic.name().equals("system") ? magic.arguments()
                                    : magic.commandLine();
                            inCell.add(new Line(cell, cell.position(magic), text, false));
                        } else if (magic.name().equals("cd")) {
                            inCell.add(new Line(cell, cell.position(magic), "cd " + magic.arguments(), true));
                        }
                    }
                    case CELL_MAGIC -> {
                        if (isShellCell(magic)) {
                            addBody(cell, magic, inCell);
                        }
                    }
                    default -> {
                    }
                }
            }
            inCell.addAll(pythonCommands.getOrDefault(cell.index(), List.of()));
            inCell.sort(Comparator.comparingInt((Line l) -> l.position().line()).thenComparingInt(l -> l.position().column()));
            lines.addAll(inCell);
        }
        return lines;
    }

    private static boolean isShellCell(Magic magic) {
        if (SHELL_CELL_MAGICS.contains(magic.name())) {
            return true;
        }
        if (magic.name().equals("script")) {
            String interpreter = magic.arguments().strip().split("\\s+")[0];
            return ShellSyntax.lastComponent(interpreter).matches("(ba|z|da)?sh");
        }
        return false;
    }

    /** The body lines of a shell cell, backslash continuations joined, each at its own line. */
    private static void addBody(AnalyzedCell cell, Magic magic, List<Line> out) {
        String[] body = magic.body().split("\n", -1);
        int i = 0;
        while (i < body.length) {
            int first = i;
            StringBuilder text = new StringBuilder();
            String line = stripCr(body[i]);
            while (line.endsWith("\\") && i + 1 < body.length) {
                text.append(line, 0, line.length() - 1).append(' ');
                i++;
                line = stripCr(body[i]);
            }
            text.append(line);
            if (!text.toString().isBlank()) {
                String firstLine = stripCr(body[first]);
                int indent = firstLine.length() - firstLine.stripLeading().length();
                int lineNumber = magic.line() + 1 + first;
                int endLineNumber = magic.line() + 1 + i;
                out.add(new Line(cell, new Position(lineNumber, indent + 1, endLineNumber,
                        stripCr(body[i]).codePointCount(0, stripCr(body[i]).length()) + 1), text.toString().strip(), false));
            }
            i++;
        }
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The command line of {@code os.system("...")} or {@code subprocess.run([...])} with literal
     * arguments; null for other calls and for commands built at run time.
     */
    private static String pythonCommand(AnalyzedNotebook notebook, CallSite call) {
        if (call.is("os.system", "os.popen")) {
            return StringLiterals.value(call.argument(0, "command"));
        }
        if (!call.is("subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
                "subprocess.Popen", "subprocess.getoutput", "subprocess.getstatusoutput")) {
            return null;
        }
        SyntaxNode args = call.argument(0, "args");
        if (args == null) {
            args = call.argument(0, "cmd");
        }
        String literal = StringLiterals.value(args);
        if (literal != null) {
            return literal; // a string command (shell=True, or a single program)
        }
        if (args == null || !(args.is("list") || args.is("tuple"))) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (SyntaxNode element : args.namedChildren()) {
            String value = StringLiterals.value(element);
            String word;
            if (value != null) {
                word = "'" + value.replace("'", "'\"'\"'") + "'";
            } else if ("sys.executable".equals(notebook.qualify(call.cell(), element))) {
                word = "python";
            } else {
                word = "{expr}"; // built at run time: unknown to analysis
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word);
        }
        return b.toString();
    }
}
