package dev.lockstep.analyzer.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule selection given on the command line ({@code --select}, {@code --ignore}), on top of the
 * configuration file: {@code --select} replaces the file's {@code select}; {@code --ignore}
 * adds to the file's {@code ignore}. Entries are ids or family prefixes.
 *
 * @param select ids or prefixes to run instead of the file's selection, or null to keep it
 * @param ignore ids or prefixes not to run, in addition to the file's
 */
public record RuleSelection(List<String> select, List<String> ignore) {
    public static final RuleSelection NONE = new RuleSelection(null, List.of());

    public RuleSelection {
        select = select == null ? null : clean(select);
        ignore = ignore == null ? List.of() : clean(ignore);
    }

    private static List<String> clean(List<String> entries) {
        List<String> cleaned = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.strip();
            if (!e.isEmpty()) {
                cleaned.add(e);
            }
        }
        return List.copyOf(cleaned);
    }
}
