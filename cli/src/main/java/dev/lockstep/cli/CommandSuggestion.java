package dev.lockstep.cli;

import dev.lockstep.analyzer.rules.Suggestions;
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
            int distance = Suggestions.distance(typed, candidate);
            if (distance < bestDistance && distance < candidate.length()) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
