package dev.lockstep.analyzer.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where module-level variables come from: {@code df} is made by {@code pandas.read_csv},
 * {@code loader} by {@code torch.utils.data.DataLoader}. Lets rules recognise
 * {@code df.sample(...)} as a pandas call without type inference.
 */
final class ValueOrigins {
    private final Map<String, List<Entry>> entries = new HashMap<>();

    void add(String name, ProgramPoint point, String origin) {
        entries.computeIfAbsent(name, k -> new ArrayList<>()).add(new Entry(point, origin));
    }

    /** The origin of the last assignment of {@code name} at or before {@code point}, else the first after. */
    String originOf(String name, ProgramPoint point) {
        List<Entry> list = entries.get(name);
        if (list == null) {
            return null;
        }
        Entry best = null;
        for (Entry e : list) {
            if (e.point.compareTo(point) < 0 && (best == null || e.point.compareTo(best.point) > 0)) {
                best = e;
            }
        }
        if (best == null) {
            best = list.get(0);
        }
        return best.origin;
    }

    private record Entry(ProgramPoint point, String origin) {
    }
}
