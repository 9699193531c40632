package dev.lockstep.analyzer.facts.environment;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a notebook reads, and whether it set each one itself first. A
 * variable counts as set by the notebook after {@code os.environ["X"] = ...},
 * {@code os.environ.update(...)} naming it, or IPython's {@code %env X=...} /
 * {@code %set_env X ...}. Not set by the notebook: {@code os.environ.setdefault("X", d)}
 * (the caller's value still wins, like {@code os.getenv("X", d)}), {@code os.putenv} (it does
 * not change {@code os.environ}, so later reads do not see it) and a shell {@code !export}
 * (it runs in a subshell and never reaches the kernel).
 */
public final class EnvironmentVariables {

    private static final Set<String> ENVIRONMENTS = Set.of("os.environ", "os.environb");
    private static final Set<String> READ_CALLS = Set.of("os.getenv", "os.getenvb", "os.environ.get", "os.environb.get");

    /** {@code %env X=value}, {@code %env X value}, {@code %set_env X=value}, {@code %set_env X value}. */
    private static final Pattern MAGIC_SET = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=|\\s)\\s*\\S.*",
            Pattern.DOTALL);

    private final List<EnvironmentRead> reads;

    private EnvironmentVariables(List<EnvironmentRead> reads) {
        this.reads = List.copyOf(reads);
    }

    /** Every read of an environment variable in the notebook's Python cells, in document order. */
    public List<EnvironmentRead> reads() {
        return reads;
    }

    public static EnvironmentVariables of(AnalyzedNotebook notebook) {
        Map<String, ProgramPoint> firstSet = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        for (CallSite call : notebook.calls()) {
            if (call.qualifiedName() != null && READ_CALLS.contains(call.qualifiedName())) {
                SyntaxNode key = call.argument(0, "key");
                pending.add(new Pending(StringLiterals.value(key), call.qualifiedName() + "(" + key(key) + ")",
                        call.cell(), call.node()));
            } else if ("update".equals(call.methodName()) && isEnvironment(notebook, call.cell(), call.receiver())) {
                for (String variable : updatedVariables(call)) {
                    set(firstSet, variable, earliest(notebook, call.cell(), call.node()));
                }
            }
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            cell.root().walk(node -> {
                if (node.is("subscript") && isEnvironment(notebook, cell, node.child("value"))) {
                    String variable = StringLiterals.value(node.child("subscript"));
                    if (isAssigned(node)) {
                        if (variable != null) {
                            set(firstSet, variable, earliest(notebook, cell, node));
                        }
                    } else if (!isDeleted(node)) {
                        pending.add(new Pending(variable, "os.environ[" + key(node.child("subscript")) + "]", cell, node));
                    }
                } else if (node.is("comparison_operator")) {
                    SyntaxNode key = membershipKey(notebook, cell, node);
                    if (key != null) {
                        pending.add(new Pending(StringLiterals.value(key), key(key) + " in os.environ", cell, node));
                    }
                }
            });
            for (Magic magic : cell.magics()) {
                if (magic.kind() == MagicKind.LINE_MAGIC && (magic.name().equals("env") || magic.name().equals("set_env"))) {
                    Matcher m = MAGIC_SET.matcher(magic.arguments());
                    if (m.matches()) {
                        set(firstSet, m.group(1), new ProgramPoint(cell.index(), lineOffset(cell, magic.line())));
                    }
                }
            }
        }
        List<EnvironmentRead> reads = new ArrayList<>();
        for (Pending p : pending) {
            ProgramPoint set = p.variable() == null ? null : firstSet.get(p.variable());
            boolean setBefore = set != null
                    && notebook.executionPoints(p.cell(), p.node()).stream().allMatch(run -> set.compareTo(run) < 0);
            reads.add(new EnvironmentRead(p.variable(), p.code(), p.cell(), p.node(), setBefore));
        }
        reads.sort(Comparator.comparingInt((EnvironmentRead r) -> r.cell().index())
                .thenComparingInt(r -> r.node().startOffset()));
        return new EnvironmentVariables(reads);
    }

    private static void set(Map<String, ProgramPoint> firstSet, String variable, ProgramPoint at) {
        firstSet.merge(variable, at, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    /** The first place the code at {@code node} runs (a function body runs where it is called). */
    private static ProgramPoint earliest(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node) {
        return notebook.executionPoints(cell, node).stream().min(Comparator.naturalOrder())
                .orElse(notebook.point(cell, node));
    }

    /** The offset in the cell's translated Python where 1-based {@code line} starts (it has the cell's lines). */
    private static int lineOffset(AnalyzedCell cell, int line) {
        String python = cell.translated().python();
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = python.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return python.length();
            }
        }
        return offset;
    }

    /** The variables {@code os.environ.update({...})} or {@code os.environ.update(X=...)} sets, by literal name. */
    private static List<String> updatedVariables(CallSite call) {
        List<String> variables = new ArrayList<>(call.keywords().keySet());
        for (SyntaxNode argument : call.positional()) {
            if (argument.is("dictionary")) {
                for (SyntaxNode pair : argument.namedChildren()) {
                    String name = pair.is("pair") ? StringLiterals.value(pair.child("key")) : null;
                    if (name != null) {
                        variables.add(name);
                    }
                }
            }
        }
        return variables;
    }

    private static boolean isEnvironment(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode expression) {
        if (expression == null) {
            return false;
        }
        String qualified = notebook.qualify(cell, expression);
        return qualified != null && ENVIRONMENTS.contains(qualified);
    }

    /** {@code os.environ["X"] = ...}, {@code os.environ["X"] += ...}, also as one of several targets. */
    private static boolean isAssigned(SyntaxNode subscript) {
        SyntaxNode n = target(subscript);
        SyntaxNode parent = n.parent();
        return parent != null && (parent.is("assignment") || parent.is("augmented_assignment")) && parent.child("left") == n;
    }

    /** {@code del os.environ["X"]}: a write, not a read. */
    private static boolean isDeleted(SyntaxNode subscript) {
        SyntaxNode parent = target(subscript).parent();
        return parent != null && parent.is("delete_statement");
    }

    private static SyntaxNode target(SyntaxNode subscript) {
        SyntaxNode n = subscript;
        SyntaxNode parent = n.parent();
        while (parent != null && (parent.is("pattern_list") || parent.is("tuple_pattern") || parent.is("expression_list"))) {
            n = parent;
            parent = parent.parent();
        }
        return n;
    }

    /** The key of {@code key in os.environ} / {@code key not in os.environ}, or null. */
    private static SyntaxNode membershipKey(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode comparison) {
        List<SyntaxNode> children = comparison.children();
        for (int i = 2; i < children.size(); i++) {
            String operator = children.get(i - 1).text().replaceAll("\\s+", " ");
            if ((operator.equals("in") || operator.equals("not in")) && isEnvironment(notebook, cell, children.get(i))) {
                return children.get(i - 2);
            }
        }
        return null;
    }

    /** A key as the report shows it: the string, quoted and cut, or the expression when short. */
    private static String key(SyntaxNode key) {
        if (key == null) {
            return "";
        }
        String value = StringLiterals.value(key);
        if (value != null) {
            return "'" + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "'";
        }
        String text = key.text();
        return text.length() > 40 || text.contains("\n") ? "..." : text;
    }

    private record Pending(String variable, String code, AnalyzedCell cell, SyntaxNode node) {
    }
}
