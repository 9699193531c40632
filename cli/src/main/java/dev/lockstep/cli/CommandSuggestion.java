package dev.lockstep.cli;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean scan?" for a mistyped command: the closest command name within two edits,
 * an adjacent transposition ("sacn") counting as one. picocli's own suggestions rank by a
 * similarity that offers "extract" for "sacn", so commands are matched here.
 */
final class CommandSuggestion {

    private static final int MAX_EDITS = 2;

    private CommandSuggestion() {
    }

    static Optional<String> closest(String typed, Collection<String> commands) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : commands.stream().sorted().toList()) {
            int distance = editDistance(typed, candidate);
            if (distance < bestDistance && distance < candidate.length()) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
    static int editDistance(String a, String b) {
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
