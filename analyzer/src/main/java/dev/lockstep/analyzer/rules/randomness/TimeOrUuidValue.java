package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.semantics.NameRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LS310: the clock or OS entropy flowing into a value: data, a file name, a seed
 * ({@code run_id = datetime.now().strftime(...)}, {@code seed = int(time.time())},
 * {@code uuid.uuid4()}, {@code os.urandom}, {@code secrets.*}).
 *
 * <p>Timing is not a value: a clock reading that is only subtracted (a duration), compared
 * (a timeout), printed or logged, or never used, is left alone, and so are monotonic clocks
 * ({@code perf_counter}, {@code monotonic}) that mean nothing but durations. A name assigned
 * a clock reading counts as timing when every use of it is.
 */
@RuleInfo(id = "LS310", name = "time-or-uuid-value", category = Category.RANDOMNESS,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "datetime.now, time.time, uuid4... flowing into values or file names")
public final class TimeOrUuidValue implements Rule {

    /** Calls that read the wall clock (with no argument that would make them a conversion). */
    static final Set<String> CLOCKS = Set.of("datetime.datetime.now", "datetime.datetime.utcnow",
            "datetime.datetime.today", "datetime.date.today", "time.time", "time.time_ns", "time.localtime",
            "time.gmtime", "time.ctime", "time.asctime", "time.strftime", "pandas.Timestamp.now",
            "pandas.Timestamp.today", "pandas.Timestamp.utcnow", "pandas.datetime.now");
    /** Calls that read OS entropy. */
    static final Set<String> ENTROPY = Set.of("uuid.uuid1", "uuid.uuid4", "os.urandom", "random.SystemRandom");
    /** Functions whose arguments are only shown to a person. */
    static final Set<String> DISPLAY_FUNCTIONS = Set.of("builtins.print", "IPython.display.display",
            "builtins.display", "tqdm.tqdm.write", "tqdm.write");
    /** Method names that write to a log, a progress bar or a tracker (on receivers named like one). */
    static final Set<String> LOG_METHODS = Set.of("info", "debug", "warning", "warn", "error", "exception", "critical",
            "log", "set_description", "set_postfix", "set_postfix_str", "write");

    /** Keyword arguments that name a run or its logs for a person or a tracker. */
    static final Set<String> LOG_KEYWORDS = Set.of("run_name", "logging_dir", "experiment_name", "notes", "tags",
            "log_dir", "logdir", "comment", "job_name");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (CallSite call : notebook.calls()) {
            String source = source(call);
            if (source == null) {
                continue;
            }
            boolean entropy = source.startsWith("uuid") || source.startsWith("os.") || source.startsWith("secrets")
                    || source.startsWith("random.");
            // Entropy is never a duration: kept in a name, it is a value even if unused.
            if (isTiming(notebook, call.cell(), call.node(), entropy, 0)) {
                continue;
            }
            String kind = entropy ? "OS entropy" : "the clock";
            context.report(call.cell(), call.node(), source + "() puts " + kind + " into a value (data, a file name, "
                    + "a seed), so every run differs: take the value from config (e.g. a run id parameter)");
        }
    }

    /** The clock or entropy function a call reads, as shown in messages, or null. */
    private static String source(CallSite call) {
        String name = call.qualifiedName();
        if (name == null) {
            return null;
        }
        if (CLOCKS.contains(name)) {
            // time.localtime(t), time.strftime(fmt, t), datetime.now(tz) : only the first reads the clock
            // when there is no time argument.
            boolean conversion = switch (name) {
                case "time.localtime", "time.gmtime", "time.ctime", "time.asctime" -> !call.positional().isEmpty();
                case "time.strftime" -> call.positional().size() > 1;
                default -> false;
            };
            return conversion ? null : name.replaceFirst("^datetime\\.datetime\\.", "datetime.")
                    .replaceFirst("^pandas\\.", "pd.");
        }
        if (ENTROPY.contains(name) || (name.startsWith("secrets.") && !name.equals("secrets.compare_digest"))) {
            return name;
        }
        return null;
    }

    /**
     * Whether the value of {@code node} is only used for timing or display: an operand of a
     * subtraction or comparison, an argument of print/logging, a statement of its own, or
     * assigned to a name whose every use is timing. A value already {@code derived} (formatted
     * into a string, or entropy) that is kept in a name is a value even when the name is unused.
     */
    private static boolean isTiming(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node, boolean derived,
            int depth) {
        if (depth > 4) {
            return false;
        }
        SyntaxNode child = node;
        for (SyntaxNode parent = node.parent(); parent != null; child = parent, parent = parent.parent()) {
            switch (parent.type()) {
                case "parenthesized_expression" -> {
                    continue;
                }
                case "attribute" -> {
                    if (parent.child("object") != child) {
                        return false;
                    }
                    derived = true;
                    continue; // datetime.now().strftime(...): still the clock's value
                }
                case "call" -> {
                    if (parent.child("function") != child) {
                        return false;
                    }
                    continue;
                }
                case "binary_operator" -> {
                    SyntaxNode operator = parent.child("operator");
                    if (operator != null && operator.text().equals("-")) {
                        return true; // a duration
                    }
                    if (operator != null && operator.text().equals("+") && isDurationArithmetic(parent, child)) {
                        continue; // a deadline: start + 60
                    }
                    return false;
                }
                case "comparison_operator" -> {
                    return true; // a timeout or a deadline check
                }
                case "expression_statement" -> {
                    return true; // evaluated and dropped (or displayed)
                }
                case "argument_list" -> {
                    SyntaxNode call = parent.parent();
                    return call != null && call.is("call")
                            && (isDisplayCall(notebook, cell, call) || isTimingHelper(notebook, cell, call));
                }
                case "keyword_argument" -> {
                    SyntaxNode keyword = parent.child("name");
                    if (keyword != null && LOG_KEYWORDS.contains(keyword.text())) {
                        return true; // a run name or log folder for a tracker: it labels the run, not its results
                    }
                    SyntaxNode call = parent.parent() == null ? null : parent.parent().parent();
                    return call != null && call.is("call") && isDisplayCall(notebook, cell, call);
                }
                case "interpolation" -> {
                    SyntaxNode string = parent.ancestor("string");
                    return string != null && isTiming(notebook, cell, string, true, depth + 1);
                }
                case "assignment" -> {
                    SyntaxNode left = parent.child("left");
                    return child == parent.child("right") && left != null && left.is("identifier")
                            && usesAreTiming(notebook, cell, left, derived, depth);
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A call of the notebook's own helper named for durations ({@code epoch_time(start, end)},
     * {@code format_elapsed(t0)}): the clock reading is turned into a duration there.
     */
    private static boolean isTimingHelper(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode call) {
        SyntaxNode function = call.child("function");
        if (function == null || !function.is("identifier") || notebook.qualify(cell, function) != null) {
            return false;
        }
        String name = function.text().toLowerCase(java.util.Locale.ROOT);
        return (name.contains("time") || name.contains("elapsed") || name.contains("duration"))
                && !notebook.definitionsOf(function.text()).isEmpty();
    }

    /** {@code time.time() + 60}: a clock reading plus a number is still a clock reading. */
    private static boolean isDurationArithmetic(SyntaxNode plus, SyntaxNode clockSide) {
        SyntaxNode other = plus.child("left") == clockSide ? plus.child("right") : plus.child("left");
        return other != null && (Values.literal(other).number() != null || other.is("identifier"));
    }

    private static boolean isDisplayCall(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode call) {
        SyntaxNode function = call.child("function");
        if (function == null) {
            return false;
        }
        String qualified = notebook.qualify(cell, function);
        if (qualified != null && (DISPLAY_FUNCTIONS.contains(qualified) || qualified.startsWith("logging."))) {
            return true;
        }
        if (function.is("identifier")) {
            return function.text().equals("print") || function.text().equals("display");
        }
        if (function.is("attribute")) {
            SyntaxNode method = function.child("attribute");
            SyntaxNode receiver = function.child("object");
            String receiverText = receiver == null ? "" : receiver.text().toLowerCase(java.util.Locale.ROOT);
            return method != null && LOG_METHODS.contains(method.text())
                    && (receiverText.contains("log") || receiverText.contains("pbar") || receiverText.contains("tqdm")
                            || receiverText.contains("progress") || receiverText.contains("wandb")
                            || receiverText.contains("writer"));
        }
        return false;
    }

    /** Whether every read of the assigned name is timing (a module-level name across the notebook). */
    private static boolean usesAreTiming(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode name, boolean derived,
            int depth) {
        List<ReadSite> reads = new ArrayList<>();
        if (cell.semantics().isLocal(name)) {
            SyntaxNode scope = scopeOf(name);
            scope.walk(n -> {
                if (n.is("identifier") && n != name && n.text().equals(name.text()) && !isAssignmentTarget(n)) {
                    reads.add(new ReadSite(cell, n));
                }
            });
        } else {
            for (AnalyzedCell other : notebook.pythonCells()) {
                for (NameRead read : other.semantics().reads()) {
                    if (read.name().equals(name.text())) {
                        reads.add(new ReadSite(other, read.node()));
                    }
                }
                other.root().walk(n -> {
                    // reads inside function bodies are not in the cell's reads
                    if (n.is("identifier") && n.text().equals(name.text()) && other.semantics().ownerOf(n) != null
                            && !other.semantics().isLocal(n) && !isAssignmentTarget(n)) {
                        reads.add(new ReadSite(other, n));
                    }
                });
            }
        }
        if (reads.isEmpty()) {
            return !derived;
        }
        for (ReadSite read : reads) {
            if (!isTiming(notebook, read.cell(), read.node(), derived, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAssignmentTarget(SyntaxNode identifier) {
        SyntaxNode parent = identifier.parent();
        return parent != null && (parent.is("assignment") || parent.is("augmented_assignment"))
                && parent.child("left") == identifier;
    }

    private record ReadSite(AnalyzedCell cell, SyntaxNode node) {
    }

    /** The innermost enclosing function, or the cell's module, that holds a node. */
    private static SyntaxNode scopeOf(SyntaxNode node) {
        SyntaxNode function = node.ancestor("function_definition");
        if (function != null) {
            return function;
        }
        SyntaxNode root = node;
        while (root.parent() != null) {
            root = root.parent();
        }
        return root;
    }
}
