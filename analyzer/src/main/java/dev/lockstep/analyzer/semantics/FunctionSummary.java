package dev.lockstep.analyzer.semantics;

import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a module-level function (or class) does to module-level names when it runs.
 *
 * @param name         the module-level name
 * @param definition   the definition node
 * @param isClass      a class: its methods' reads happen when some method is called, which
 *                     static analysis cannot place, so they count only for "defined nowhere"
 * @param freeReads    global names its body reads (nested functions and lambdas included), sorted
 * @param globalWrites names it binds through {@code global} declarations, sorted
 * @param readSites    for each free read, the identifier node of its first occurrence
 */
public record FunctionSummary(
        String name, SyntaxNode definition, boolean isClass, Set<String> freeReads, Set<String> globalWrites,
        Map<String, SyntaxNode> readSites) {

    public FunctionSummary {
        freeReads = Collections.unmodifiableSet(new TreeSet<>(freeReads));
        globalWrites = Collections.unmodifiableSet(new TreeSet<>(globalWrites));
        readSites = Collections.unmodifiableMap(new TreeMap<>(readSites));
    }
}
