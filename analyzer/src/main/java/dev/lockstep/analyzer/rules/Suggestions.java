package dev.lockstep.analyzer.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * "Did you mean" for rule ids, names and configuration keys: the candidates closest to what was
 * typed, by edit distance (a swap of neighbours counts once), ignoring case. Deterministic: ties
 * sort by the candidate.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** Up to {@code limit} candidates within a small distance of {@code typed}, closest first. */
    public static List<String> closest(String typed, Collection<String> candidates, int limit) {
        for (String candidate : new TreeSet<>(candidates)) {
            if (candidate.equalsIgnoreCase(typed) && !candidate.equals(typed)) {
                return List.of(candidate); // only the case differs: nothing else is as close
            }
        }
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, t.length() / 3));
        record Scored(String candidate, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : new TreeSet<>(candidates)) {
            int d = distance(t, candidate.toLowerCase(Locale.ROOT));
            if (d > 0 && d <= allowed) {
                scored.add(new Scored(candidate, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate));
        return scored.stream().limit(limit).map(Scored::candidate).toList();
    }

    /** {@code " (did you mean A or B?)"}, or "" when nothing is close. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        List<String> close = closest(typed, candidates, 3);
        if (close.isEmpty()) {
            return "";
        }
        String list = close.size() == 1 ? close.get(0)
                : String.join(", ", close.subList(0, close.size() - 1)) + " or " + close.get(close.size() - 1);
        return " (did you mean " + list + "?)";
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
