package dev.lockstep.analyzer.rules.paths;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
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
import dev.lockstep.analyzer.facts.io.IoAccess;
import dev.lockstep.analyzer.facts.io.IoCatalogue;
import dev.lockstep.analyzer.facts.io.IoFacts;
import dev.lockstep.analyzer.facts.values.Contextual;
import dev.lockstep.analyzer.facts.values.Value;
import java.util.Locale;
import java.util.Set;

/**
 * LS201: string literals that are absolute local paths. Paths under the roots where people keep
 * data ({@code /home}, {@code /Users}, {@code /mnt}, {@code /kaggle}, Windows drives...) are
 * flagged anywhere; other absolute paths only where they are clearly used as paths (passed to
 * a file function, or bound to a name like {@code data_dir}), so URL paths such as
 * {@code "/api/v1"} are left alone. System paths ({@code /dev/null}, {@code /tmp}) are fine.
 */
@RuleInfo(id = "LS201", name = "absolute-path", category = Category.PATHS,
        severity = Severity.ERROR, remedy = Remedy.LIFTED,
        summary = "String literal that is an absolute local path (/home/.., /Users/.., C:\\.., /mnt/.., /content/.., /kaggle/..)")
public final class AbsolutePath implements Rule {

    /** Calls that build or inspect a path without reading or writing it (the I/O catalogue has the rest). */
    private static final Set<String> PATH_FUNCTIONS = Set.of("Path", "PurePath", "PosixPath", "WindowsPath", "join",
            "exists", "isfile", "isdir", "chdir", "expanduser", "abspath", "realpath", "normpath", "dirname", "basename");

    @Override
    public void check(RuleContext context) {
        for (AnalyzedCell cell : context.notebook().pythonCells()) {
            for (StringLiteralSites.Literal literal : context.notebook().facts().stringLiterals(cell)) {
                String text = literal.text();
                if (inRemoteEnvironment(literal.node())) {
                    continue;
                }
                boolean place = isIoPlace(context.notebook().facts().io(), cell, literal.node());
                if (LocalPaths.isUserDataPath(text)
                        || (LocalPaths.isAbsoluteNonSystemPath(text) && (place || usedAsPath(literal.node())))) {
                    context.report(cell, literal.node(), message(text, place));
                }
            }
            for (Magic magic : cell.magics()) {
                if (magic.kind() != MagicKind.SHELL && magic.kind() != MagicKind.LINE_MAGIC) {
                    continue;
                }
                for (String token : magic.arguments().split("\\s+")) {
                    String path = token.replaceAll("^['\"]|['\"]$", "");
                    if (LocalPaths.isUserDataPath(path)) {
                        context.report(cell, magic, message(path, false));
                        break;
                    }
                }
            }
        }
    }

    /**
     * The message promises what extract does: a literal that is (or starts) the place of a read
     * or write in the I/O catalogue is lifted into a declared input or output; any other is not.
     */
    private static String message(String path, boolean lifted) {
        String shown = path.length() > 60 ? path.substring(0, 57) + "..." : path;
        return "absolute path '" + shown + "' exists only on one machine: use a path relative to the project"
                + (lifted ? " (extract lifts it into a declared input or output)" : "");
    }

    /** Whether the literal names, or starts, the place a catalogued call reads or writes. */
    static boolean isIoPlace(IoFacts io, AnalyzedCell cell, SyntaxNode literal) {
        for (IoAccess access : io.accesses()) {
            if (access.argument() != null && access.cell().index() == cell.index() && access.argument().contains(literal)) {
                return true;
            }
            for (Contextual value : access.values()) {
                if (value.value() instanceof Value.Str s && s.root() != null && s.root().literal() == literal) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Keyword arguments that hand a job its environment variables; their values name paths on that job's machine. */
    private static final Set<String> ENVIRONMENT_KEYWORDS = Set.of("environment_variables", "environment", "env",
            "env_vars", "environment_vars", "envs", "container_env", "env_variables", "with_env", "set_env");

    /**
     * Whether the literal is a value in a dict passed as a job's environment
     * ({@code Trainer(..., environment_variables={"HF_HOME": "/root/.cache"})}): the path is
     * inside the remote container, the same on every run, not on this machine.
     */
    static boolean inRemoteEnvironment(SyntaxNode literal) {
        SyntaxNode pair = literal.parent();
        if (pair == null || !pair.is("pair") || pair.child("value") != literal) {
            return false;
        }
        SyntaxNode dict = pair.parent();
        SyntaxNode holder = dict == null ? null : dict.parent();
        if (dict == null || !dict.is("dictionary") || holder == null) {
            return false;
        }
        if (holder.is("keyword_argument")) {
            SyntaxNode name = holder.child("name");
            return name != null && ENVIRONMENT_KEYWORDS.contains(name.text().toLowerCase(Locale.ROOT));
        }
        // image.env({...}) (Modal), .with_env({...}): a container image's environment.
        if (holder.is("argument_list") && holder.parent() != null && holder.parent().is("call")) {
            SyntaxNode callee = holder.parent().child("function");
            SyntaxNode method = callee != null && callee.is("attribute") ? callee.child("attribute") : null;
            return method != null && ENVIRONMENT_KEYWORDS.contains(method.text().toLowerCase(Locale.ROOT));
        }
        return false;
    }

    /** Whether the literal is an argument of a file function, or bound to a path-like name. */
    static boolean usedAsPath(SyntaxNode literal) {
        SyntaxNode parent = literal.parent();
        if (parent != null && parent.is("keyword_argument")) {
            parent = parent.parent();
        }
        if (parent != null && parent.is("argument_list") && parent.parent() != null && parent.parent().is("call")) {
            SyntaxNode callee = parent.parent().child("function");
            String name = callee == null ? "" : callee.is("attribute") && callee.child("attribute") != null
                    ? callee.child("attribute").text() : callee.text();
            return PATH_FUNCTIONS.contains(name) || IoCatalogue.standard().knowsName(name);
        }
        if (parent != null && parent.is("assignment") && parent.child("left") != null) {
            String target = parent.child("left").text().toLowerCase(Locale.ROOT);
            return target.endsWith("path") || target.endsWith("dir") || target.endsWith("file")
                    || target.endsWith("folder") || target.endsWith("root") || target.endsWith("_fn")
                    || target.endsWith("filename") || target.endsWith("directory");
        }
        return false;
    }
}
