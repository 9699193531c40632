package dev.lockstep.analyzer.semantics;

import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one cell's code does to the module namespace, by Python's scoping rules.
 *
 * @param bindings        module-level names bound, in source order
 * @param reads           module-level names read when the cell runs, in source order (reads in
 *                        function bodies are not here: they happen when the function is called)
 * @param functions       module-level functions and classes defined here, by name
 * @param imports         names bound by imports, in source order
 * @param localIdentifiers identifier nodes that refer to a function, class or comprehension
 *                        local rather than to a module-level name (they never resolve to imports)
 * @param owners          for nodes inside a module-level function or class body, that name
 *                        (look up with {@link #ownerOf})
 * @param dynamicNamespace whether the cell changes the namespace in ways analysis cannot see
 *                        ({@code exec}, {@code globals()[...] =}, star imports)
 */
public record CellSemantics(
        List<Binding> bindings,
        List<NameRead> reads,
        Map<String, FunctionSummary> functions,
        List<ImportBinding> imports,
        Set<SyntaxNode> localIdentifiers,
        Map<SyntaxNode, String> owners,
        boolean dynamicNamespace) {

    public static final CellSemantics EMPTY = new CellSemantics(List.of(), List.of(), Map.of(), List.of(),
            Collections.newSetFromMap(new IdentityHashMap<>()), new IdentityHashMap<>(), false);

    public CellSemantics {
        bindings = List.copyOf(bindings);
        reads = List.copyOf(reads);
        functions = Map.copyOf(functions);
        imports = List.copyOf(imports);
        localIdentifiers = Collections.unmodifiableSet(localIdentifiers);
        owners = Collections.unmodifiableMap(owners);
    }

    /**
     * The module-level function or class whose body contains {@code node}, or null when the node
     * runs as part of the cell itself.
     */
    public String ownerOf(SyntaxNode node) {
        for (SyntaxNode n = node; n != null; n = n.parent()) {
            String owner = owners.get(n);
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    public boolean isLocal(SyntaxNode identifier) {
        return localIdentifiers.contains(identifier);
    }
}
