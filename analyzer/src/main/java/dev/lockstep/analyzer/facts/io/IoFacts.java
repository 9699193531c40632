package dev.lockstep.analyzer.facts.io;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.facts.values.Value;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.BindingKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every place the notebook's code reads, writes, lists, downloads or loads from a hub, found
 * once per analysis through the {@link IoCatalogue}, with the value of each place.
 */
public final class IoFacts {
    /** Objects that are already open files or buffers: the open() that made them is the access. */
    private static final Set<String> FILE_OBJECT_ORIGINS = Set.of("builtins.open", "io.open", "codecs.open", "io.BytesIO",
            "io.StringIO", "tempfile.NamedTemporaryFile", "tempfile.TemporaryFile", "gzip.open", "bz2.open", "lzma.open",
            "pandas.ExcelWriter", "pandas.ExcelFile", "pandas.HDFStore");

    private final List<IoAccess> accesses;
    private final Map<SyntaxNode, List<IoAccess>> byCall = new IdentityHashMap<>();

    public IoFacts(AnalyzedNotebook notebook, Values values, IoCatalogue catalogue) {
        List<IoAccess> found = new ArrayList<>();
        for (CallSite call : notebook.calls()) {
            for (IoAccess access : accessesOf(notebook, values, catalogue, call)) {
                found.add(access);
                byCall.computeIfAbsent(call.node(), k -> new ArrayList<>()).add(access);
            }
        }
        this.accesses = List.copyOf(found);
    }

    /** Every access, in document order of the calls. */
    public List<IoAccess> accesses() {
        return accesses;
    }

    /** The accesses a call makes (usually one; {@code shutil.copy} reads and writes). */
    public List<IoAccess> at(CallSite call) {
        return Collections.unmodifiableList(byCall.getOrDefault(call.node(), List.of()));
    }

    /** Whether a call's argument node is the place of an access. */
    public boolean isPlaceArgument(SyntaxNode argument) {
        for (IoAccess access : accesses) {
            if (access.argument() == argument) {
                return true;
            }
        }
        return false;
    }

    private static List<IoAccess> accessesOf(AnalyzedNotebook notebook, Values values, IoCatalogue catalogue,
            CallSite call) {
        List<IoApi> entries = catalogue.forCall(call.qualifiedName());
        if (entries.isEmpty() && call.receiver() != null) {
            entries = catalogue.forMethod(call.methodName());
        }
        if (entries.isEmpty()) {
            return List.of();
        }
        List<IoAccess> result = new ArrayList<>();
        AnalyzedCell cell = call.cell();
        for (IoApi api : entries) {
            if (api.pathReceiver() && !(values.of(cell, call.receiver()) instanceof Value.Str s && s.path())) {
                continue;
            }
            SyntaxNode argument = api.receiver() ? call.receiver()
                    : api.position() < 0 ? (api.keyword() == null ? null : call.keyword(api.keyword()))
                    : call.argument(api.position(), api.keyword());
            if (argument == null || isFileObject(notebook, cell, argument)) {
                continue;
            }
            Access access = api.access();
            if (api.modeKeyword() != null || api.modePosition() >= 0) {
                SyntaxNode modeNode = call.argument(api.modePosition(), api.modeKeyword());
                String mode = modeNode == null ? api.modeDefault() : values.of(cell, modeNode).string();
                if (mode != null && (mode.contains("w") || mode.contains("a") || mode.contains("x"))) {
                    access = Access.WRITE;
                }
            }
            SyntaxNode revision = api.revision() == null ? null : call.keyword(api.revision());
            result.add(new IoAccess(call, api, access, argument, values.inContexts(cell, argument), revision));
        }
        return result;
    }

    /** An open file, a buffer or a stream passed where a path could be: the access happened where it was opened. */
    private static boolean isFileObject(AnalyzedNotebook notebook, AnalyzedCell cell, SyntaxNode argument) {
        String qualified = notebook.qualify(cell, argument);
        if (qualified != null && (qualified.startsWith("sys.") || qualified.startsWith("io."))) {
            return true;
        }
        String origin = notebook.origin(cell, argument);
        if (origin != null && FILE_OBJECT_ORIGINS.contains(origin)) {
            return true;
        }
        if (argument.is("call")) {
            String callee = notebook.qualify(cell, argument.child("function"));
            return callee != null && FILE_OBJECT_ORIGINS.contains(callee);
        }
        if (!argument.is("identifier")) {
            return false;
        }
        String name = argument.text();
        if (!cell.semantics().isLocal(argument)) {
            for (Definition definition : notebook.definitionsOf(name)) {
                if (definition.kind() == BindingKind.WITH_TARGET) {
                    return true;
                }
            }
            return false;
        }
        SyntaxNode scope = argument.ancestor("function_definition");
        if (scope == null) {
            return false;
        }
        return !scope.find(n -> n.is("as_pattern") && n.child("alias") != null
                && n.child("alias").text().equals(name)).isEmpty();
    }

    /** Whether a string looks like a local path rather than a hub id ({@code ./out}, {@code /data/m}, {@code ~/m}). */
    public static boolean looksLocal(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("/") || t.startsWith("./") || t.startsWith("../") || t.startsWith("~") || t.equals(".")
                || t.matches("^[a-z]:[\\\\/].*") || t.chars().filter(c -> c == '/').count() > 1;
    }
}
