package dev.lockstep.analyzer.facts.values;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.analysis.ProgramPoint;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.StringLiterals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one value evaluator of the analyzer: what an expression evaluates to without running it.
 * Literals of every form, names through their reaching definition (in the notebook's order: the
 * run order when extract re-analyses the kept cells), string building ({@code +}, f-strings,
 * {@code %}, {@code .format}), {@code os.path} and {@code pathlib} paths, and values inside the
 * notebook's own functions, per module-level call ({@link #inContexts}).
 *
 * <p>Anything else is {@link Value#UNKNOWN}; a string whose tail is unknown keeps its known prefix.
 * Paths are held as strings with {@code /} separators; {@code ~} stands for the home folder.
 */
public final class Values {
    private static final int MAX_DEPTH = 24;
    /** How many notebook-function calls deep {@link #inContexts} follows values. */
    private static final int MAX_CALL_DEPTH = 3;

    private static final Set<String> PATH_CONSTRUCTORS = Set.of("pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath",
            "pathlib.PurePosixPath", "pathlib.WindowsPath", "pathlib.PureWindowsPath");
    private static final Set<String> JOIN_FUNCTIONS = Set.of("os.path.join", "posixpath.join");
    private static final Set<String> SAME_PATH_FUNCTIONS = Set.of("os.path.abspath", "os.path.normpath",
            "os.path.realpath", "os.path.expanduser", "os.fspath", "os.path.expandvars");
    private static final Set<String> SAME_PATH_METHODS = Set.of("resolve", "absolute", "expanduser", "as_posix");

    private final AnalyzedNotebook notebook;
    private final Bindings bindings;
    private final PathObjects paths;

    public Values(AnalyzedNotebook notebook) {
        this.notebook = notebook;
        this.bindings = new Bindings(notebook);
        this.paths = new PathObjects(notebook, this);
    }

    /** Whether an expression is a {@code pathlib} path object, known text or not ({@code Path(input())} is one). */
    public boolean isPath(AnalyzedCell cell, SyntaxNode expression) {
        return paths.isPath(cell, expression);
    }

    /**
     * The string an expression builds, with each part whose value is unknown shown as
     * {@code {...}}: {@code f"https://host/{name}/v1.csv"} with {@code name} unknown is
     * {@code https://host/{...}/v1.csv}, where {@link #of} keeps only the prefix. Enough to tell
     * a URL's scheme and its pinned tail. Null when the expression is not a string (or starts with
     * an unknown one).
     */
    public String template(AnalyzedCell cell, SyntaxNode expression) {
        return template(cell, expression, 0);
    }

    private String template(AnalyzedCell cell, SyntaxNode e, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return null;
        }
        Value value = of(cell, e);
        if (value instanceof Value.Str s && s.complete()) {
            return s.text();
        }
        switch (e.type()) {
            case "parenthesized_expression" -> {
                List<SyntaxNode> inner = e.namedChildren();
                return inner.size() == 1 ? template(cell, inner.get(0), depth + 1) : null;
            }
            case "string" -> {
                return stringTemplate(cell, e);
            }
            case "concatenated_string" -> {
                StringBuilder b = new StringBuilder();
                for (SyntaxNode part : e.namedChildren()) {
                    String t = template(cell, part, depth + 1);
                    if (t == null) {
                        return null;
                    }
                    b.append(t);
                }
                return b.toString();
            }
            case "binary_operator" -> {
                SyntaxNode operator = e.child("operator");
                if (operator == null || !operator.text().equals("+")) {
                    return null;
                }
                String left = template(cell, e.child("left"), depth + 1);
                if (left == null) {
                    return null;
                }
                String right = template(cell, e.child("right"), depth + 1);
                return left + (right == null ? "{...}" : right);
            }
            case "identifier" -> {
                if (cell.semantics().isLocal(e)) {
                    SyntaxNode right = Bindings.localAssignment(e, true);
                    return right == null ? null : template(cell, right, depth + 1);
                }
                Definition chosen = bindings.reaching(e.text(), notebook.point(cell, e), true);
                SyntaxNode right = Bindings.assignedBy(chosen);
                return right == null ? null : template(chosen.cell(), right, depth + 1);
            }
            default -> {
                return null;
            }
        }
    }

    /** A string literal's text, each interpolation whose value is unknown shown as {@code {...}}. */
    private String stringTemplate(AnalyzedCell cell, SyntaxNode node) {
        String prefix = StringLiterals.prefix(node);
        if (prefix.contains("b")) {
            return null;
        }
        boolean raw = prefix.contains("r");
        StringBuilder text = new StringBuilder();
        for (SyntaxNode child : node.children()) {
            switch (child.type()) {
                case "string_content", "escape_sequence" -> text.append(raw ? child.text() : StringLiterals.unescape(child.text()));
                case "escape_interpolation" -> text.append(child.text().charAt(0));
                case "interpolation" -> {
                    String part = Value.pythonStr(interpolation(cell, child, Scope.DIRECT, 0));
                    text.append(part == null ? "{...}" : part);
                }
                default -> {
                    // quotes and prefixes
                }
            }
        }
        return text.toString();
    }

    /** Which expression a name stands for, the call that made an object: the bindings values are read through. */
    public Bindings bindings() {
        return bindings;
    }

    /** Where names are looked up: parameters bound by a call, and the point whose definitions reach. */
    private record Scope(Map<String, Value> parameters, ProgramPoint at) {
        static final Scope DIRECT = new Scope(Map.of(), null);
    }

    /**
     * The value of a literal on its own ({@code -3}, {@code ~5}, {@code 1e-3}, {@code b"x"},
     * {@code (1, 2)}, {@code "a" "b"}): no names are followed.
     */
    public static Value literal(SyntaxNode node) {
        return LITERALS.eval(null, node, Scope.DIRECT, 0);
    }

    private static final Values LITERALS = new Values(null);

    /** The value of an expression where it stands (parameters of an enclosing function are unknown). */
    public Value of(AnalyzedCell cell, SyntaxNode expression) {
        return eval(cell, expression, Scope.DIRECT, 0);
    }

    /**
     * The values an expression takes: one, where it stands; inside a notebook function whose
     * parameters it depends on, one per module-level call of that function (a {@code save_fig(name)}
     * helper gives one path per call site).
     */
    public List<Contextual> inContexts(AnalyzedCell cell, SyntaxNode expression) {
        return contexts(cell, expression, 0);
    }

    private List<Contextual> contexts(AnalyzedCell cell, SyntaxNode expression, int callDepth) {
        Value direct = of(cell, expression);
        SyntaxNode function = expression.ancestor("function_definition");
        if (direct.known() || function == null || function.ancestor("function_definition", "class_definition") != null
                || callDepth >= MAX_CALL_DEPTH) {
            return List.of(new Contextual(direct, null));
        }
        SyntaxNode nameNode = function.child("name");
        if (nameNode == null) {
            return List.of(new Contextual(direct, null));
        }
        List<Contextual> found = new ArrayList<>();
        for (CallSite call : notebook.calls()) {
            SyntaxNode callee = call.callee();
            if (callee == null || !callee.is("identifier") || !callee.text().equals(nameNode.text())
                    || call.cell().semantics().isLocal(callee)
                    || (call.cell().index() == cell.index() && function.contains(call.node()))) {
                continue;
            }
            Map<String, Value> parameters = bind(cell, function, call, callDepth);
            ProgramPoint at = notebook.point(call.cell(), call.node());
            found.add(new Contextual(eval(cell, expression, new Scope(parameters, at), 0), call));
        }
        return found.isEmpty() ? List.of(new Contextual(direct, null)) : List.copyOf(found);
    }

    /** The function's parameters as one call binds them (defaults where the call passes nothing). */
    private Map<String, Value> bind(AnalyzedCell functionCell, SyntaxNode function, CallSite call, int callDepth) {
        Map<String, Value> bound = new HashMap<>();
        SyntaxNode parameters = function.child("parameters");
        if (parameters == null) {
            return bound;
        }
        int position = 0;
        boolean positionalOpen = true;
        for (SyntaxNode parameter : parameters.namedChildren()) {
            String name;
            SyntaxNode defaultValue = null;
            switch (parameter.type()) {
                case "identifier" -> name = parameter.text();
                case "default_parameter", "typed_default_parameter" -> {
                    SyntaxNode n = parameter.child("name");
                    name = n == null ? null : n.text();
                    defaultValue = parameter.child("value");
                }
                case "typed_parameter" -> {
                    SyntaxNode first = parameter.namedChildren().isEmpty() ? null : parameter.namedChildren().get(0);
                    name = first != null && first.is("identifier") ? first.text() : null;
                }
                case "list_splat_pattern", "keyword_separator" -> {
                    positionalOpen = false;
                    continue;
                }
                default -> {
                    continue;
                }
            }
            if (name == null) {
                continue;
            }
            SyntaxNode argument = call.keyword(name);
            if (argument == null && positionalOpen && position < call.positional().size()) {
                argument = call.positional().get(position);
            }
            if (positionalOpen) {
                position++;
            }
            Value value;
            if (argument != null) {
                List<Contextual> values = contexts(call.cell(), argument, callDepth + 1);
                value = values.size() == 1 ? values.get(0).value() : Value.UNKNOWN;
            } else if (defaultValue != null && !call.hasStarArgs()) {
                value = eval(functionCell, defaultValue, Scope.DIRECT, 0);
            } else {
                value = Value.UNKNOWN;
            }
            bound.put(name, value);
        }
        return bound;
    }

    private Value eval(AnalyzedCell cell, SyntaxNode e, Scope scope, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return Value.UNKNOWN;
        }
        if (notebook == null && (e.is("identifier") || e.is("call") || e.is("attribute"))) {
            return Value.UNKNOWN; // literals only
        }
        switch (e.type()) {
            case "parenthesized_expression" -> {
                List<SyntaxNode> inner = e.namedChildren();
                return inner.size() == 1 ? eval(cell, inner.get(0), scope, depth + 1) : Value.UNKNOWN;
            }
            case "string" -> {
                return string(cell, e, scope, depth);
            }
            case "concatenated_string" -> {
                Value result = null;
                for (SyntaxNode part : e.namedChildren()) {
                    Value v = string(cell, part, scope, depth);
                    result = result == null ? v : concat(result, v);
                }
                return result == null ? Value.UNKNOWN : result;
            }
            case "integer" -> {
                return integer(e.text());
            }
            case "float" -> {
                return floating(e.text());
            }
            case "true" -> {
                return new Value.Bool(true);
            }
            case "false" -> {
                return new Value.Bool(false);
            }
            case "none" -> {
                return new Value.None();
            }
            case "unary_operator" -> {
                return unary(e, eval(cell, e.child("argument"), scope, depth + 1));
            }
            case "not_operator" -> {
                Boolean truth = truth(eval(cell, e.child("argument"), scope, depth + 1));
                return truth == null ? Value.UNKNOWN : new Value.Bool(!truth);
            }
            case "binary_operator" -> {
                SyntaxNode operator = e.child("operator");
                Value left = eval(cell, e.child("left"), scope, depth + 1);
                Value right = eval(cell, e.child("right"), scope, depth + 1);
                return operator == null ? Value.UNKNOWN : binary(operator.text(), left, right);
            }
            case "tuple", "list", "expression_list" -> {
                List<Value> items = new ArrayList<>();
                for (SyntaxNode item : e.namedChildren()) {
                    if (item.is("comment")) {
                        continue;
                    }
                    items.add(eval(cell, item, scope, depth + 1));
                }
                return new Value.Sequence(items, e.is("list"));
            }
            case "identifier" -> {
                return name(cell, e, scope, depth);
            }
            case "call" -> {
                return call(cell, e, scope, depth);
            }
            case "attribute" -> {
                return attribute(cell, e, scope, depth);
            }
            default -> {
                return Value.UNKNOWN;
            }
        }
    }

    // --- literals ----------------------------------------------------------------------------------

    private Value string(AnalyzedCell cell, SyntaxNode node, Scope scope, int depth) {
        if (!node.is("string")) {
            return eval(cell, node, scope, depth + 1);
        }
        String prefix = StringLiterals.prefix(node);
        boolean raw = prefix.contains("r");
        boolean bytes = prefix.contains("b");
        boolean interpolated = false;
        StringBuilder text = new StringBuilder();
        Root root = null;
        for (SyntaxNode child : node.children()) {
            switch (child.type()) {
                case "string_content", "escape_sequence" -> text.append(raw ? child.text() : StringLiterals.unescape(child.text(), bytes));
                case "escape_interpolation" -> text.append(child.text().charAt(0));
                case "interpolation" -> {
                    interpolated = true;
                    Value part = interpolation(cell, child, scope, depth);
                    String s = Value.pythonStr(part);
                    if (text.length() == 0 && part instanceof Value.Str str && str.root() != null) {
                        root = str.root(); // f"{OUT}/model.pt" moves with OUT
                    }
                    if (s == null) {
                        String known = part instanceof Value.Str str ? str.text() : "";
                        return new Value.Str(text + known, false, false, text.length() == 0 ? root : null);
                    }
                    text.append(s);
                }
                default -> {
                    // quotes and prefixes
                }
            }
        }
        if (bytes) {
            return new Value.Bytes(text.toString());
        }
        String value = text.toString();
        if (!interpolated) {
            root = new Root(cell, node, value);
        }
        return new Value.Str(value, true, false, root);
    }

    private Value interpolation(AnalyzedCell cell, SyntaxNode interpolation, Scope scope, int depth) {
        SyntaxNode expression = interpolation.child("expression");
        if (expression == null) {
            List<SyntaxNode> named = interpolation.namedChildren();
            expression = named.isEmpty() ? null : named.get(0);
        }
        Value value = eval(cell, expression, scope, depth + 1);
        if (interpolation.firstChildOfType("type_conversion") != null) {
            String conversion = interpolation.firstChildOfType("type_conversion").text();
            return conversion.equals("!s") ? value : Value.UNKNOWN;
        }
        SyntaxNode spec = interpolation.firstChildOfType("format_specifier");
        if (spec != null) {
            String formatted = format(value, spec.text().replaceFirst("^:", ""));
            return formatted == null ? Value.UNKNOWN : new Value.Str(formatted, true, false, null);
        }
        return value;
    }

    /** A value under a format spec: the common forms ({@code 03d}, {@code .2f}, {@code >5}). */
    static String format(Value value, String spec) {
        if (spec.isEmpty()) {
            return Value.pythonStr(value);
        }
        Matcher m = Pattern.compile("^(0?)(\\d*)(?:\\.(\\d+))?([dfs]?)$").matcher(spec);
        if (!m.matches()) {
            return null;
        }
        String type = m.group(4);
        String body;
        if (value instanceof Value.Int i && (type.equals("d") || type.isEmpty())) {
            body = i.value().toString();
        } else if ((value instanceof Value.Float || value instanceof Value.Int) && type.equals("f")) {
            double d = value instanceof Value.Float f ? f.value() : ((Value.Int) value).value().doubleValue();
            int precision = m.group(3) == null ? 6 : Integer.parseInt(m.group(3));
            body = new BigDecimal(d).setScale(precision, java.math.RoundingMode.HALF_EVEN).toPlainString();
        } else if (value instanceof Value.Str s && s.complete() && (type.equals("s") || type.isEmpty()) && m.group(3) == null) {
            body = s.text();
            if (!m.group(2).isEmpty()) {
                int width = Integer.parseInt(m.group(2));
                return body.length() >= width ? body : body + " ".repeat(width - body.length());
            }
            return body;
        } else {
            return null;
        }
        if (!m.group(2).isEmpty()) {
            int width = Integer.parseInt(m.group(2));
            char pad = m.group(1).isEmpty() ? ' ' : '0';
            boolean negative = body.startsWith("-");
            String digits = negative && pad == '0' ? body.substring(1) : body;
            int missing = width - body.length();
            if (missing > 0) {
                body = pad == '0' ? (negative ? "-" : "") + "0".repeat(missing) + digits : " ".repeat(missing) + body;
            }
        }
        return body;
    }

    /** An int literal: {@code 1_000}, {@code 0x1F}, {@code 0o17}, {@code 0b101}; a complex literal is unknown. */
    static Value integer(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("j")) {
                return Value.UNKNOWN;
            }
            if (t.endsWith("l")) {
                t = t.substring(0, t.length() - 1);
            }
            if (t.startsWith("0x")) {
                return new Value.Int(new BigInteger(t.substring(2), 16));
            }
            if (t.startsWith("0o")) {
                return new Value.Int(new BigInteger(t.substring(2), 8));
            }
            if (t.startsWith("0b")) {
                return new Value.Int(new BigInteger(t.substring(2), 2));
            }
            return new Value.Int(new BigInteger(t));
        } catch (NumberFormatException e) {
            return Value.UNKNOWN;
        }
    }

    /** A float literal: {@code 1e-3}, {@code 1_000.5}, {@code .5}; a complex literal is unknown. */
    static Value floating(String text) {
        String t = text.replace("_", "");
        if (t.endsWith("j") || t.endsWith("J")) {
            return Value.UNKNOWN;
        }
        try {
            return new Value.Float(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return Value.UNKNOWN;
        }
    }

    // --- operators ---------------------------------------------------------------------------------

    private static Value unary(SyntaxNode node, Value operand) {
        SyntaxNode operatorNode = node.child("operator");
        String operator = operatorNode != null ? operatorNode.text() : node.text().strip().substring(0, 1);
        BigInteger integer = operand instanceof Value.Int i ? i.value()
                : operand instanceof Value.Bool b ? (b.value() ? BigInteger.ONE : BigInteger.ZERO) : null;
        switch (operator) {
            case "-" -> {
                if (integer != null) {
                    return new Value.Int(integer.negate());
                }
                return operand instanceof Value.Float f ? new Value.Float(-f.value()) : Value.UNKNOWN;
            }
            case "+" -> {
                if (integer != null) {
                    return new Value.Int(integer);
                }
                return operand instanceof Value.Float ? operand : Value.UNKNOWN;
            }
            case "~" -> {
                return integer != null ? new Value.Int(integer.not()) : Value.UNKNOWN;
            }
            default -> {
                return Value.UNKNOWN;
            }
        }
    }

    private static Value binary(String operator, Value left, Value right) {
        if (operator.equals("/") && (isPath(left) || isPath(right))) {
            return join(List.of(left, right), true);
        }
        if (left instanceof Value.Str || left instanceof Value.Bytes) {
            if (operator.equals("+")) {
                return concat(left, right);
            }
            if (operator.equals("%") && left instanceof Value.Str s && s.complete()) {
                return percentFormat(s.text(), right);
            }
            return Value.UNKNOWN;
        }
        if (left instanceof Value.Sequence a && right instanceof Value.Sequence b && operator.equals("+")) {
            List<Value> items = new ArrayList<>(a.items());
            items.addAll(b.items());
            return new Value.Sequence(items, a.list());
        }
        return arithmetic(operator, left, right);
    }

    private static Value arithmetic(String operator, Value left, Value right) {
        BigInteger a = asInteger(left);
        BigInteger b = asInteger(right);
        if (a != null && b != null) {
            switch (operator) {
                case "+" -> {
                    return new Value.Int(a.add(b));
                }
                case "-" -> {
                    return new Value.Int(a.subtract(b));
                }
                case "*" -> {
                    return new Value.Int(a.multiply(b));
                }
                case "//" -> {
                    if (b.signum() == 0) {
                        return Value.UNKNOWN;
                    }
                    BigInteger[] qr = a.divideAndRemainder(b);
                    return new Value.Int(qr[1].signum() != 0 && (qr[1].signum() != b.signum()) ? qr[0].subtract(BigInteger.ONE) : qr[0]);
                }
                case "%" -> {
                    if (b.signum() == 0) {
                        return Value.UNKNOWN;
                    }
                    BigInteger r = a.mod(b.abs());
                    return new Value.Int(b.signum() < 0 && r.signum() != 0 ? r.add(b) : r);
                }
                case "**" -> {
                    return b.signum() >= 0 && b.bitLength() < 16 ? new Value.Int(a.pow(b.intValue()))
                            : b.signum() < 0 ? new Value.Float(Math.pow(a.doubleValue(), b.doubleValue())) : Value.UNKNOWN;
                }
                case "/" -> {
                    return b.signum() == 0 ? Value.UNKNOWN : new Value.Float(a.doubleValue() / b.doubleValue());
                }
                case "<<" -> {
                    return b.signum() >= 0 && b.bitLength() < 16 ? new Value.Int(a.shiftLeft(b.intValue())) : Value.UNKNOWN;
                }
                case ">>" -> {
                    return b.signum() >= 0 && b.bitLength() < 16 ? new Value.Int(a.shiftRight(b.intValue())) : Value.UNKNOWN;
                }
                case "&" -> {
                    return new Value.Int(a.and(b));
                }
                case "|" -> {
                    return new Value.Int(a.or(b));
                }
                case "^" -> {
                    return new Value.Int(a.xor(b));
                }
                default -> {
                    return Value.UNKNOWN;
                }
            }
        }
        Double x = asDouble(left);
        Double y = asDouble(right);
        if (x == null || y == null) {
            return Value.UNKNOWN;
        }
        return switch (operator) {
            case "+" -> new Value.Float(x + y);
            case "-" -> new Value.Float(x - y);
            case "*" -> new Value.Float(x * y);
            case "/" -> y == 0 ? Value.UNKNOWN : new Value.Float(x / y);
            case "**" -> new Value.Float(Math.pow(x, y));
            default -> Value.UNKNOWN;
        };
    }

    private static BigInteger asInteger(Value v) {
        if (v instanceof Value.Int i) {
            return i.value();
        }
        if (v instanceof Value.Bool b) {
            return b.value() ? BigInteger.ONE : BigInteger.ZERO;
        }
        return null;
    }

    private static Double asDouble(Value v) {
        BigInteger i = asInteger(v);
        if (i != null) {
            return i.doubleValue();
        }
        return v instanceof Value.Float f ? f.value() : null;
    }

    private static Boolean truth(Value v) {
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        if (v instanceof Value.None) {
            return false;
        }
        if (v instanceof Value.Int i) {
            return i.value().signum() != 0;
        }
        if (v instanceof Value.Float f) {
            return f.value() != 0;
        }
        if (v instanceof Value.Str s) {
            return s.complete() ? !s.text().isEmpty() : s.text().isEmpty() ? null : true;
        }
        return null;
    }

    private static boolean isPath(Value v) {
        return v instanceof Value.Str s && s.path();
    }

    /** {@code a + b} for strings: a partial left side stays partial; an unknown right side leaves the left as a prefix. */
    static Value concat(Value left, Value right) {
        if (left instanceof Value.Bytes a) {
            return right instanceof Value.Bytes b ? new Value.Bytes(a.latin1() + b.latin1()) : Value.UNKNOWN;
        }
        if (!(left instanceof Value.Str a)) {
            return Value.UNKNOWN;
        }
        if (!a.complete()) {
            return new Value.Str(a.text(), false, false, a.root());
        }
        if (right instanceof Value.Str b) {
            Root root = a.root() != null ? a.root() : a.text().isEmpty() ? b.root() : null;
            return new Value.Str(a.text() + b.text(), b.complete(), false, root);
        }
        return new Value.Str(a.text(), false, false, a.root());
    }

    /** {@code "fmt" % args} for {@code %s}, {@code %d}, {@code %i}, {@code %%}; other conversions stop at a known prefix. */
    private static Value percentFormat(String template, Value arguments) {
        List<Value> args = arguments instanceof Value.Sequence s && !s.list() ? s.items() : List.of(arguments);
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= template.length()) {
                return Value.UNKNOWN;
            }
            Matcher m = Pattern.compile("%(0?)(\\d*)(?:\\.(\\d+))?([sdif%])").matcher(template).region(i, template.length());
            if (!m.lookingAt()) {
                return new Value.Str(out.toString(), false, false, null);
            }
            if (m.group(4).equals("%")) {
                out.append('%');
                i = m.end() - 1;
                continue;
            }
            if (next >= args.size()) {
                return Value.UNKNOWN;
            }
            Value arg = args.get(next++);
            String type = m.group(4).equals("i") ? "d" : m.group(4);
            String spec = m.group(1) + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3)) + (type.equals("s") ? "" : type);
            String formatted = type.equals("s") && spec.isEmpty() ? Value.pythonStr(arg) : format(arg, spec);
            if (formatted == null) {
                return new Value.Str(out.toString(), false, false, null);
            }
            out.append(formatted);
            i = m.end() - 1;
        }
        return new Value.Str(out.toString(), true, false, null);
    }

    /** {@code "{}-{name}".format(a, name=b)}; format specs as in f-strings. */
    private static Value dotFormat(String template, List<Value> positional, Map<String, Value> keywords) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i++;
                continue;
            }
            if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append('}');
                i++;
                continue;
            }
            if (c != '{') {
                out.append(c);
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                return Value.UNKNOWN;
            }
            String field = template.substring(i + 1, close);
            String spec = "";
            int colon = field.indexOf(':');
            if (colon >= 0) {
                spec = field.substring(colon + 1);
                field = field.substring(0, colon);
            }
            Value arg;
            if (field.isEmpty()) {
                arg = auto < positional.size() ? positional.get(auto++) : Value.UNKNOWN;
            } else if (field.matches("\\d+")) {
                int n = Integer.parseInt(field);
                arg = n < positional.size() ? positional.get(n) : Value.UNKNOWN;
            } else {
                arg = keywords.getOrDefault(field, Value.UNKNOWN);
            }
            String formatted = format(arg, spec);
            if (formatted == null) {
                return new Value.Str(out.toString(), false, false, null);
            }
            out.append(formatted);
            i = close;
        }
        return new Value.Str(out.toString(), true, false, null);
    }

    // --- paths ---------------------------------------------------------------------------------------

    /**
     * {@code os.path.join(a, b, ...)} (or {@code Path(a, b)} / {@code a / b} when {@code path}):
     * an absolute later part restarts the path; an unknown part ends it as a known prefix.
     */
    static Value join(List<Value> parts, boolean path) {
        Value.Str result = null;
        for (Value part : parts) {
            if (!(part instanceof Value.Str s)) {
                if (result == null) {
                    return Value.UNKNOWN;
                }
                String text = result.text().isEmpty() || result.text().endsWith("/") ? result.text() : result.text() + "/";
                return new Value.Str(text, false, path, result.root());
            }
            if (result == null || s.text().startsWith("/")) {
                result = s;
                if (!s.complete()) {
                    return new Value.Str(s.text(), false, path, s.root());
                }
                continue;
            }
            if (!result.complete()) {
                break;
            }
            String separator = result.text().isEmpty() || result.text().endsWith("/") ? "" : "/";
            result = new Value.Str(result.text() + separator + s.text(), s.complete(), path,
                    result.root() != null ? result.root() : null);
            if (!s.complete()) {
                break;
            }
        }
        if (result == null) {
            return path ? new Value.Str(".", true, true, null) : Value.UNKNOWN;
        }
        Value.Str joined = new Value.Str(result.text(), result.complete(), path, result.root());
        return path ? normalized(joined) : joined;
    }

    /** pathlib's normal form: no {@code ./} parts, no doubled or trailing slashes. The root follows if it still prefixes the text. */
    static Value.Str normalized(Value.Str s) {
        String text = normalize(s.text(), s.complete());
        Root root = s.root();
        if (root != null) {
            String rootText = normalize(root.text(), true);
            root = text.startsWith(rootText) ? new Root(root.cell(), root.literal(), rootText) : null;
        }
        return new Value.Str(text, s.complete(), true, root);
    }

    private static String normalize(String text, boolean complete) {
        String t = text.replaceAll("/{2,}", "/").replaceAll("/(\\./)+", "/");
        while (t.startsWith("./") && t.length() > 2) {
            t = t.substring(2);
        }
        if (complete) {
            if (t.endsWith("/.")) {
                t = t.substring(0, t.length() - 2);
            }
            while (t.length() > 1 && t.endsWith("/")) {
                t = t.substring(0, t.length() - 1);
            }
            if (t.isEmpty()) {
                t = ".";
            }
        }
        return t;
    }

    private static Value dirname(Value v, boolean path) {
        if (!(v instanceof Value.Str s) || !s.complete()) {
            return Value.UNKNOWN;
        }
        int slash = s.text().lastIndexOf('/');
        String text = slash < 0 ? (path ? "." : "") : slash == 0 ? "/" : s.text().substring(0, slash);
        Root root = s.root() != null && s.root().text().length() <= text.length() ? s.root() : null;
        return new Value.Str(text, true, path, root);
    }

    private static Value basename(Value v, boolean path) {
        if (!(v instanceof Value.Str s) || !s.complete()) {
            return Value.UNKNOWN;
        }
        return new Value.Str(s.text().substring(s.text().lastIndexOf('/') + 1), true, path, null);
    }

    private static Value withSuffix(Value v, Value suffix) {
        if (!(v instanceof Value.Str s) || !s.complete() || suffix.string() == null) {
            return Value.UNKNOWN;
        }
        String text = s.text();
        int slash = text.lastIndexOf('/');
        int dot = text.lastIndexOf('.');
        String stem = dot > slash + 1 ? text.substring(0, dot) : text;
        Root root = s.root() != null && stem.startsWith(s.root().text()) ? s.root() : null;
        return new Value.Str(stem + suffix.string(), true, true, root);
    }

    // --- names, calls, attributes ---------------------------------------------------------------------

    private Value name(AnalyzedCell cell, SyntaxNode identifier, Scope scope, int depth) {
        String name = identifier.text();
        if (cell.semantics().isLocal(identifier)) {
            Value parameter = scope.parameters().get(name);
            SyntaxNode right = Bindings.localAssignment(identifier, true);
            if (right != null) {
                return eval(cell, right, scope, depth + 1);
            }
            return parameter != null ? parameter : Value.UNKNOWN;
        }
        ProgramPoint at = scope.at() != null && identifier.ancestor("function_definition") != null ? scope.at()
                : notebook.point(cell, identifier);
        Definition chosen = bindings.reaching(name, at, true);
        SyntaxNode right = Bindings.assignedBy(chosen);
        return right == null ? Value.UNKNOWN : eval(chosen.cell(), right, Scope.DIRECT, depth + 1);
    }

    private Value call(AnalyzedCell cell, SyntaxNode call, Scope scope, int depth) {
        SyntaxNode callee = call.child("function");
        SyntaxNode arguments = call.child("arguments");
        List<SyntaxNode> positional = new ArrayList<>();
        Map<String, SyntaxNode> keywords = new HashMap<>();
        if (arguments != null) {
            for (SyntaxNode a : arguments.namedChildren()) {
                if (a.is("keyword_argument")) {
                    SyntaxNode n = a.child("name");
                    if (n != null) {
                        keywords.put(n.text(), a.child("value"));
                    }
                } else if (a.is("list_splat") || a.is("dictionary_splat")) {
                    return Value.UNKNOWN;
                } else if (!a.is("comment")) {
                    positional.add(a);
                }
            }
        }
        String qualified = notebook.qualify(cell, callee);
        if (qualified != null) {
            if (JOIN_FUNCTIONS.contains(qualified) || PATH_CONSTRUCTORS.contains(qualified)) {
                List<Value> parts = new ArrayList<>();
                positional.forEach(p -> parts.add(eval(cell, p, scope, depth + 1)));
                return join(parts, PATH_CONSTRUCTORS.contains(qualified));
            }
            if (SAME_PATH_FUNCTIONS.contains(qualified) && positional.size() == 1) {
                Value v = eval(cell, positional.get(0), scope, depth + 1);
                return v instanceof Value.Str s ? normalizedString(s) : Value.UNKNOWN;
            }
            if (qualified.equals("os.path.dirname") && positional.size() == 1) {
                return dirname(eval(cell, positional.get(0), scope, depth + 1), false);
            }
            if (qualified.equals("os.path.basename") && positional.size() == 1) {
                return basename(eval(cell, positional.get(0), scope, depth + 1), false);
            }
            if (qualified.matches("pathlib\\.(Pure)?(Posix|Windows)?Path\\.home") || qualified.equals("os.path.expanduser.home")) {
                return new Value.Str("~", true, true, null);
            }
            if (qualified.equals("builtins.str") && positional.size() == 1) {
                Value v = eval(cell, positional.get(0), scope, depth + 1);
                if (v instanceof Value.Str s) {
                    return s.withPath(false);
                }
                String text = Value.pythonStr(v);
                return text == null ? Value.UNKNOWN : new Value.Str(text, true, false, null);
            }
            if (qualified.equals("builtins.int") && positional.size() == 1) {
                Value v = eval(cell, positional.get(0), scope, depth + 1);
                return v instanceof Value.Int ? v : v instanceof Value.Float f && Double.isFinite(f.value())
                        ? new Value.Int(new BigDecimal(f.value()).toBigInteger()) : Value.UNKNOWN;
            }
            if (qualified.equals("builtins.float") && positional.size() == 1) {
                Double d = asDouble(eval(cell, positional.get(0), scope, depth + 1));
                return d == null ? Value.UNKNOWN : new Value.Float(d);
            }
            if (qualified.equals("builtins.tuple") || qualified.equals("builtins.list")) {
                if (positional.size() == 1 && eval(cell, positional.get(0), scope, depth + 1) instanceof Value.Sequence s) {
                    return new Value.Sequence(s.items(), qualified.endsWith("list"));
                }
                return Value.UNKNOWN;
            }
            if (qualified.equals("os.getcwd")) {
                return new Value.Str(".", true, false, null);
            }
            return Value.UNKNOWN;
        }
        if (callee == null || !callee.is("attribute") || callee.child("attribute") == null) {
            return Value.UNKNOWN;
        }
        String method = callee.child("attribute").text();
        Value receiver = eval(cell, callee.child("object"), scope, depth + 1);
        if (!(receiver instanceof Value.Str s)) {
            return Value.UNKNOWN;
        }
        List<Value> args = new ArrayList<>();
        positional.forEach(p -> args.add(eval(cell, p, scope, depth + 1)));
        if (s.path()) {
            switch (method) {
                case "joinpath" -> {
                    List<Value> parts = new ArrayList<>();
                    parts.add(s);
                    parts.addAll(args);
                    return join(parts, true);
                }
                case "with_suffix" -> {
                    return args.size() == 1 ? withSuffix(s, args.get(0)) : Value.UNKNOWN;
                }
                case "with_name" -> {
                    return args.size() == 1 ? join(List.of(dirname(s, true), args.get(0)), true) : Value.UNKNOWN;
                }
                case "as_posix", "__str__" -> {
                    return s.withPath(false);
                }
                default -> {
                    return SAME_PATH_METHODS.contains(method) ? s : Value.UNKNOWN;
                }
            }
        }
        if (!s.complete()) {
            return Value.UNKNOWN;
        }
        switch (method) {
            case "format" -> {
                Map<String, Value> named = new HashMap<>();
                keywords.forEach((k, v) -> named.put(k, eval(cell, v, scope, depth + 1)));
                Value formatted = dotFormat(s.text(), args, named);
                return formatted;
            }
            case "join" -> {
                if (args.size() == 1 && args.get(0) instanceof Value.Sequence items) {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < items.items().size(); i++) {
                        String part = items.items().get(i).string();
                        if (part == null) {
                            return Value.UNKNOWN;
                        }
                        out.append(i == 0 ? "" : s.text()).append(part);
                    }
                    return new Value.Str(out.toString(), true, false, null);
                }
                return Value.UNKNOWN;
            }
            case "lower" -> {
                return new Value.Str(s.text().toLowerCase(Locale.ROOT), true, false, null);
            }
            case "upper" -> {
                return new Value.Str(s.text().toUpperCase(Locale.ROOT), true, false, null);
            }
            case "strip" -> {
                return args.isEmpty() ? new Value.Str(s.text().strip(), true, false, null) : Value.UNKNOWN;
            }
            case "replace" -> {
                if (args.size() == 2 && args.get(0).string() != null && args.get(1).string() != null) {
                    return new Value.Str(s.text().replace(args.get(0).string(), args.get(1).string()), true, false, null);
                }
                return Value.UNKNOWN;
            }
            default -> {
                return Value.UNKNOWN;
            }
        }
    }

    private static Value normalizedString(Value.Str s) {
        return s.path() ? normalized(s) : new Value.Str(s.text(), s.complete(), false, s.root());
    }

    private Value attribute(AnalyzedCell cell, SyntaxNode attribute, Scope scope, int depth) {
        String qualified = notebook.qualify(cell, attribute);
        if ("os.sep".equals(qualified)) {
            return new Value.Str("/", true, false, null);
        }
        if (qualified != null) {
            return Value.UNKNOWN;
        }
        SyntaxNode name = attribute.child("attribute");
        SyntaxNode objectNode = attribute.child("object");
        if (name != null && objectNode != null && objectNode.is("identifier")) {
            Value field = field(cell, objectNode, name.text(), depth);
            if (field != null) {
                return field;
            }
        }
        Value object = eval(cell, objectNode, scope, depth + 1);
        if (name == null || !(object instanceof Value.Str s) || !s.path()) {
            return Value.UNKNOWN;
        }
        switch (name.text()) {
            case "parent" -> {
                return dirname(s, true);
            }
            case "name" -> {
                return basename(s, false);
            }
            case "stem", "suffix" -> {
                Value base = basename(s, false);
                String text = base.string();
                if (text == null) {
                    return Value.UNKNOWN;
                }
                int dot = text.lastIndexOf('.');
                boolean has = dot > 0;
                return new Value.Str(name.text().equals("stem") ? (has ? text.substring(0, dot) : text)
                        : (has ? text.substring(dot) : ""), true, false, null);
            }
            default -> {
                return Value.UNKNOWN;
            }
        }
    }

    // --- fields of configuration objects ---------------------------------------------------------------

    /** Methods of an argparse parser whose result holds the parsed arguments. */
    private static final Set<String> PARSE_METHODS = Set.of("parse_args", "parse_known_args", "parse_intermixed_args");

    /**
     * {@code config.model_name} where {@code config} is a module-level name bound to a
     * configuration object whose field is written in the notebook: a call that passes the field
     * as a keyword ({@code Namespace(model_name="gpt2")}, {@code Config(model_name=...)}), an
     * instance of a class the notebook defines with a default for it (a dataclass
     * {@code model_name: str = "gpt2"}, given positionally or not at all), or
     * {@code parser.parse_args()} with {@code parser.add_argument("--model_name", default=...)}.
     * Null when the object is none of these; {@link Value#UNKNOWN} when the field is also assigned
     * elsewhere ({@code args.model_name = ...}), since then it has no one value.
     */
    private Value field(AnalyzedCell cell, SyntaxNode object, String field, int depth) {
        if (cell.semantics().isLocal(object)) {
            return null;
        }
        Definition binding = reachingAssignment(cell, object);
        SyntaxNode right = binding == null ? null : binding.node().parent().child("right");
        if (right == null || !right.is("call")) {
            return null;
        }
        if (fieldAssignedElsewhere(object.text(), field)) {
            return Value.UNKNOWN;
        }
        AnalyzedCell at = binding.cell();
        SyntaxNode callee = right.child("function");
        SyntaxNode arguments = right.child("arguments");
        List<SyntaxNode> positional = new ArrayList<>();
        if (arguments != null) {
            for (SyntaxNode a : arguments.namedChildren()) {
                if (a.is("keyword_argument") && a.child("name") != null && a.child("name").text().equals(field)) {
                    return eval(at, a.child("value"), Scope.DIRECT, depth + 1);
                }
                if (a.is("list_splat") || a.is("dictionary_splat")) {
                    return Value.UNKNOWN;
                }
                if (!a.is("keyword_argument") && !a.is("comment")) {
                    positional.add(a);
                }
            }
        }
        if (callee != null && callee.is("attribute") && callee.child("attribute") != null
                && PARSE_METHODS.contains(callee.child("attribute").text()) && callee.child("object") != null
                && callee.child("object").is("identifier")) {
            // parse_args() or parse_args([]) (how notebooks run a script's parser): the defaults hold
            boolean defaults = positional.isEmpty() || positional.size() == 1 && positional.get(0).is("list")
                    && positional.get(0).namedChildren().isEmpty();
            if (!defaults) {
                return Value.UNKNOWN;
            }
            return parserDefault(callee.child("object").text(), field, depth);
        }
        if (callee != null && callee.is("identifier")) {
            SyntaxNode type = notebookClass(callee.text());
            if (type != null) {
                return classDefault(type, field, positional, at, depth);
            }
        }
        return null;
    }

    /** The module-level plain assignment to a name that reaches a use of it (one before it), or null. */
    private Definition reachingAssignment(AnalyzedCell cell, SyntaxNode identifier) {
        Definition chosen = bindings.reaching(identifier.text(), notebook.point(cell, identifier), false);
        return Bindings.assignedBy(chosen) == null ? null : chosen;
    }

    /** Whether any cell assigns {@code object.field = ...} (or sets it with setattr). */
    private boolean fieldAssignedElsewhere(String object, String field) {
        String target = object + "." + field;
        for (AnalyzedCell c : notebook.pythonCells()) {
            if (!c.root().find(n -> (n.is("assignment") || n.is("augmented_assignment")) && n.child("left") != null
                    && n.child("left").text().equals(target)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The default of {@code parser.add_argument("--field", default=...)} (dashes and underscores alike). */
    private Value parserDefault(String parser, String field, int depth) {
        for (CallSite call : notebook.calls()) {
            SyntaxNode callee = call.node().child("function");
            if (callee == null || !callee.is("attribute") || callee.child("attribute") == null
                    || !callee.child("attribute").text().equals("add_argument") || callee.child("object") == null
                    || !callee.child("object").text().equals(parser)) {
                continue;
            }
            SyntaxNode dest = call.keyword("dest");
            boolean named = dest != null && field.equals(Values.literal(dest).string());
            SyntaxNode arguments = call.node().child("arguments");
            if (!named && arguments != null) {
                for (SyntaxNode a : arguments.namedChildren()) {
                    String flag = a.is("string") ? Values.literal(a).string() : null;
                    if (flag != null && flag.replaceFirst("^-+", "").replace('-', '_').equals(field)) {
                        named = true;
                    }
                }
            }
            if (named) {
                SyntaxNode value = call.keyword("default");
                return value == null ? Value.UNKNOWN : eval(call.cell(), value, Scope.DIRECT, depth + 1);
            }
        }
        return Value.UNKNOWN;
    }

    /** A module-level class the notebook defines under this name, or null. */
    private SyntaxNode notebookClass(String name) {
        List<Located> classes = bindings.classDefinitions(name);
        return classes.isEmpty() ? null : classes.get(0).node();
    }

    /**
     * A field's default in a class body ({@code model_name: str = "gpt2"} or {@code model_name = "gpt2"}),
     * or the positional argument in its place (dataclass field order); unknown for a class with its
     * own {@code __init__}, whose fields may come from anywhere.
     */
    private Value classDefault(SyntaxNode type, String field, List<SyntaxNode> positional, AnalyzedCell at, int depth) {
        SyntaxNode body = type.child("body");
        if (body == null) {
            return Value.UNKNOWN;
        }
        int index = 0;
        for (SyntaxNode statement : body.namedChildren()) {
            if (statement.is("function_definition") && statement.child("name") != null
                    && statement.child("name").text().equals("__init__")) {
                return Value.UNKNOWN;
            }
        }
        for (SyntaxNode statement : body.namedChildren()) {
            SyntaxNode assignment = statement.is("expression_statement") && statement.namedChildren().size() == 1
                    ? statement.namedChildren().get(0) : null;
            if (assignment == null || !assignment.is("assignment") || assignment.child("left") == null
                    || !assignment.child("left").is("identifier")) {
                continue;
            }
            boolean annotated = assignment.child("type") != null;
            if (assignment.child("left").text().equals(field)) {
                if (annotated && index < positional.size()) {
                    return eval(at, positional.get(index), Scope.DIRECT, depth + 1);
                }
                SyntaxNode right = assignment.child("right");
                return right == null ? Value.UNKNOWN : eval(at, right, Scope.DIRECT, depth + 1);
            }
            if (annotated) {
                index++;
            }
        }
        return Value.UNKNOWN;
    }
}
