package dev.lockstep.extractor.code;

import dev.lockstep.analyzer.rules.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies non-overlapping edits to a text. */
public final class TextEdits {
    private TextEdits() {
    }

    /**
     * Applies edits (any order). Overlapping edits are a bug in the pass that made them: the
     * later-starting one is dropped rather than corrupting code, and reported by returning false
     * from {@link #overlap}.
     */
    public static String apply(String text, List<Fix.Edit> edits) {
        List<Fix.Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Fix.Edit::start).thenComparingInt(Fix.Edit::end));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Fix.Edit edit : sorted) {
            if (edit.start() < at || edit.end() > text.length()) {
                continue;
            }
            out.append(text, at, edit.start()).append(edit.replacement());
            at = edit.end();
        }
        out.append(text, at, text.length());
        return out.toString();
    }

    /** Whether any two edits overlap (insertions at the same point do not). */
    public static boolean overlap(List<Fix.Edit> edits) {
        List<Fix.Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Fix.Edit::start).thenComparingInt(Fix.Edit::end));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start() < sorted.get(i - 1).end()) {
                return true;
            }
        }
        return false;
    }
}
