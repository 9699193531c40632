package dev.lockstep.analyzer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> IDS = List.of("LS101", "LS102", "LS201", "LS301", "absolute-path");

    @Test
    void closeCandidatesFirstThenAlphabetical() {
        assertThat(Suggestions.closest("LS2O1", IDS, 3)).containsExactly("LS201");
        assertThat(Suggestions.closest("LS21", IDS, 3)).containsExactly("LS201");
        assertThat(Suggestions.closest("ls201", IDS, 3)).containsExactly("LS201");
        assertThat(Suggestions.closest("LS100", IDS, 3)).containsExactly("LS101", "LS102");
        assertThat(Suggestions.closest("absolute-paht", IDS, 3)).containsExactly("absolute-path");
        assertThat(Suggestions.closest("XYZ", IDS, 3)).isEmpty();
    }

    @Test
    void didYouMeanReadsAsASentence() {
        assertThat(Suggestions.didYouMean("LS100", IDS)).isEqualTo(" (did you mean LS101 or LS102?)");
        assertThat(Suggestions.didYouMean("nothing-close", IDS)).isEmpty();
    }
}
