package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.source.StringLiteralSites;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LS202: paths relative to the user's home directory: {@code "~/..."} literals (also in shell
 * commands and magics), {@code os.path.expanduser(...)}, {@code Path.home()} and
 * {@code Path(...).expanduser()}. One finding per place: a {@code "~"} literal given to
 * {@code expanduser} is reported once, at the call.
 */
@RuleInfo(id = "LS202", name = "home-relative-path", category = Category.PATHS,
        severity = Severity.ERROR, remedy = Remedy.LIFTED,
        summary = "~/..., expanduser, Path.home()")
public final class HomeRelativePath implements Rule {

    /** {@code ~}, {@code ~/x}, {@code ~\x}, {@code ~user/x}: what expanduser and shells expand. */
    private static final Pattern HOME_RELATIVE = Pattern.compile("^~([/\\\\]|$)|^~[A-Za-z_][\\w.-]*[/\\\\]");

    private static final Set<String> EXPANDUSER = Set.of("os.path.expanduser", "posixpath.expanduser",
            "ntpath.expanduser");
    private static final Set<String> HOME = Set.of("pathlib.Path.home", "pathlib.PosixPath.home",
            "pathlib.WindowsPath.home");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        Set<SyntaxNode> covered = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CallSite call : notebook.calls()) {
            AnalyzedCell cell = call.cell();
            if (call.is(HOME.toArray(String[]::new))) {
                context.report(cell, call.node(), "Path.home() is a different directory for every user and machine: "
                        + "use a path relative to the project" + lifted(notebook, cell, call.node()));
            } else if (call.is(EXPANDUSER.toArray(String[]::new))
                    || ("expanduser".equals(call.methodName()) && call.receiver() != null && call.qualifiedName() == null
                            && notebook.facts().values().isPath(cell, call.receiver()))) {
                SyntaxNode argument = call.qualifiedName() != null ? call.argument(0, "path") : call.receiver();
                String value = argument == null ? null : valueOf(notebook, cell, argument);
                if (value != null && !value.startsWith("~")) {
                    continue; // expanduser("data/x") changes nothing
                }
                if (argument == null) {
                    continue; // expanduser(*args): nothing known
                }
                argument.walk(covered::add);
                String shown = value == null ? "" : " of " + quote(value);
                context.report(cell, call.node(), "expanduser()" + shown + " resolves against the home directory of "
                        + "whoever runs it: use a path relative to the project" + lifted(notebook, cell, call.node()));
            }
        }
        for (AnalyzedCell cell : notebook.pythonCells()) {
            for (StringLiteralSites.Literal literal : notebook.facts().stringLiterals(cell)) {
                String text = literal.text().strip();
                if (covered.contains(literal.node()) || text.contains("\n") || !HOME_RELATIVE.matcher(text).find()
                        || text.equals("~")) {
                    continue; // a bare "~" is a path only where expanduser or Path sees it (reported there)
                }
                if (text.chars().anyMatch(Character::isWhitespace) && !AbsolutePath.usedAsPath(literal.node())) {
                    continue; // prose such as "~/ expands to your home": a path only where a file function takes it
                }
                context.report(cell, literal.node(), message(text) + lifted(notebook, cell, literal.node()));
            }
            for (Magic magic : cell.magics()) {
                if (magic.kind() != MagicKind.SHELL && magic.kind() != MagicKind.LINE_MAGIC) {
                    continue;
                }
                for (String token : magic.arguments().split("\\s+")) {
                    String path = token.replaceAll("^[^~]*=", "").replaceAll("^['\"]|['\"]$", "");
                    if (HOME_RELATIVE.matcher(path).find() && (path.length() > 1 || magic.name().equals("cd"))) {
                        context.report(cell, magic, message(path));  // shell escapes: not lifted
                        break;
                    }
                }
            }
        }
    }

    private static String valueOf(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode argument) {
        SyntaxNode e = argument;
        // Path("~/x").expanduser(): the path's own argument
        if (e.is("call") && e.child("arguments") != null && !e.child("arguments").namedChildren().isEmpty()) {
            String qualified = notebook.qualify(cell, e.child("function"));
            if (qualified != null && qualified.startsWith("pathlib.")) {
                e = e.child("arguments").namedChildren().get(0);
            }
        }
        return notebook.facts().values().template(cell, e);
    }

    private static String message(String path) {
        return "home-relative path " + quote(path) + " points into the home directory of whoever runs it: use a path "
                + "relative to the project";
    }

    /** The promise extract keeps: only a place a catalogued call reads or writes is lifted. */
    private static String lifted(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode node) {
        return AbsolutePath.isIoPlace(notebook.facts().io(), cell, node) ? " (extract lifts it into a declared input or output)" : "";
    }

    private static String quote(String path) {
        String shown = path.length() > 60 ? path.substring(0, 57) + "..." : path;
        return "'" + shown + "'";
    }
}
