package dev.lockstep.analyzer.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What module-level names mean across the notebook: {@code np} is {@code numpy},
 * {@code DataLoader} is {@code torch.utils.data.DataLoader}, and so is {@code DL} after
 * {@code DL = DataLoader}. Cells share one namespace, so a name imported in one cell means
 * the same in every cell run after it.
 */
public final class ImportTable {
    private final Map<String, List<Entry>> entries = new HashMap<>();
    private final Set<String> importedModules = new TreeSet<>();

    void add(String localName, String qualifiedName, ProgramPoint point, boolean isImport) {
        entries.computeIfAbsent(localName, k -> new ArrayList<>()).add(new Entry(point, qualifiedName));
        if (isImport && !qualifiedName.startsWith(".")) {
            int dot = qualifiedName.indexOf('.');
            importedModules.add(dot < 0 ? qualifiedName : qualifiedName.substring(0, dot));
        }
    }

    /**
     * What {@code name} means at {@code point}: the last binding at or before it in document
     * order, else (a notebook run out of order) the first binding after it; null when the name
     * is not an import or alias.
     */
    public String resolve(String name, ProgramPoint point) {
        List<Entry> list = entries.get(name);
        if (list == null) {
            return null;
        }
        Entry best = null;
        for (Entry e : list) {
            if (e.point.compareTo(point) <= 0 && (best == null || e.point.compareTo(best.point) > 0)) {
                best = e;
            }
        }
        if (best == null) {
            for (Entry e : list) {
                if (best == null || e.point.compareTo(best.point) < 0) {
                    best = e;
                }
            }
        }
        return best.qualifiedName;
    }

    /** Top-level modules imported anywhere in the notebook, sorted. */
    public Set<String> importedModules() {
        return java.util.Collections.unmodifiableSet(importedModules);
    }

    /** Whether any cell imports the top-level module (or a submodule of it). */
    public boolean imports(String topLevelModule) {
        return importedModules.contains(topLevelModule);
    }

    private record Entry(ProgramPoint point, String qualifiedName) {
    }
}
