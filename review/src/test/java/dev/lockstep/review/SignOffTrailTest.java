package dev.lockstep.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignOffTrailTest {

    @Test
    void theDateComesFromTheOptionThenTheEnvironmentAndNeverFromTheClock() {
        assertThat(SignOffTrail.date("2026-12-03", Map.of("LOCKSTEP_REVIEW_DATE", "2020-01-01")))
                .isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(SignOffTrail.date(null, Map.of("LOCKSTEP_REVIEW_DATE", "2020-01-01", "SOURCE_DATE_EPOCH", "0")))
                .isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(SignOffTrail.date(null, Map.of("SOURCE_DATE_EPOCH", "1764720000"))).isEqualTo(LocalDate.of(2025, 12, 3));
        assertThatThrownBy(() -> SignOffTrail.date(null, Map.of())).isInstanceOf(ReviewException.class)
                .hasMessageContaining("--sign-off needs a date");
        assertThatThrownBy(() -> SignOffTrail.date("3/12/2026", Map.of())).hasMessageContaining("expected a date as YYYY-MM-DD");
        assertThatThrownBy(() -> SignOffTrail.date(null, Map.of("SOURCE_DATE_EPOCH", "soon")))
                .hasMessageContaining("SOURCE_DATE_EPOCH=soon");
    }

    @Test
    void eachSignOffAppendsOneEntryBesideTheNotebook(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("nb.ipynb");
        Files.copy(TestNotebooks.examples().resolve("legacy-v3.ipynb"), notebook);
        byte[] before = Files.readAllBytes(notebook);
        ReviewSet set = new Reviewer().review(notebook.toString(), Reviewer.Options.none());
        Path trail = SignOffTrail.append(set, notebook, "Ada Lovelace", LocalDate.of(2026, 12, 3));
        assertThat(trail).isEqualTo(dir.resolve("review-signoffs.json").toAbsolutePath());
        SignOffTrail.append(set, notebook, "Grace Hopper", LocalDate.of(2026, 12, 4));
        JsonNode entries = new ObjectMapper().readTree(trail.toFile());
        assertThat(entries).hasSize(2);
        JsonNode first = entries.get(0);
        assertThat(first.get("reviewer").asText()).isEqualTo("Ada Lovelace");
        assertThat(first.get("date").asText()).isEqualTo("2026-12-03");
        assertThat(first.get("verdict").asText()).isEqualTo("fail");
        assertThat(first.get("subject").get("kind").asText()).isEqualTo("notebook");
        assertThat(first.get("subject").get("sha256").asText()).isEqualTo(set.reviews().get(0).sha256()).hasSize(64);
        assertThat(first.get("reviews").get(0).get("items").get("9").asText()).isEqualTo("fail");
        assertThat(entries.get(1).get("reviewer").asText()).isEqualTo("Grace Hopper");
        assertThat(Files.readAllBytes(notebook)).isEqualTo(before);
    }

    @Test
    void theSameSignOffGivesTheSameBytes(@TempDir Path a, @TempDir Path b) throws Exception {
        for (Path dir : new Path[] {a, b}) {
            Files.copy(TestNotebooks.examples().resolve("legacy-v3.ipynb"), dir.resolve("nb.ipynb"));
            ReviewSet set = new Reviewer().review(dir.resolve("nb.ipynb").toString(), Reviewer.Options.none());
            SignOffTrail.append(set, dir.resolve("nb.ipynb"), "Ada", LocalDate.of(2026, 12, 3));
        }
        // Paths differ (temporary folders); everything else is the same.
        String ta = Files.readString(a.resolve("review-signoffs.json")).replace(a.toString(), "DIR");
        String tb = Files.readString(b.resolve("review-signoffs.json")).replace(b.toString(), "DIR");
        assertThat(ta).isEqualTo(tb);
    }

    @Test
    void aTrailThatIsNotAJsonArrayIsLeftAlone(@TempDir Path dir) throws Exception {
        Files.copy(TestNotebooks.examples().resolve("legacy-v3.ipynb"), dir.resolve("nb.ipynb"));
        Path trail = Files.writeString(dir.resolve("review-signoffs.json"), "{\"not\": \"a trail\"}");
        ReviewSet set = new Reviewer().review(dir.resolve("nb.ipynb").toString(), Reviewer.Options.none());
        assertThatThrownBy(() -> SignOffTrail.append(set, dir.resolve("nb.ipynb"), "Ada", LocalDate.of(2026, 12, 3)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("not a sign-off trail");
        assertThat(Files.readString(trail)).isEqualTo("{\"not\": \"a trail\"}");
    }

    @Test
    void aFolderIsSignedWithTheHashOfItsNotebooks(@TempDir Path dir) throws Exception {
        Files.copy(TestNotebooks.examples().resolve("legacy-v3.ipynb"), dir.resolve("a.ipynb"));
        Files.copy(TestNotebooks.examples().resolve("gpu-finetune.ipynb"), dir.resolve("b.ipynb"));
        ReviewSet set = new Reviewer().review(dir.toString(), Reviewer.Options.none());
        Path trail = SignOffTrail.append(set, dir, "Ada", LocalDate.of(2026, 12, 3));
        assertThat(trail).isEqualTo(dir.resolve("review-signoffs.json").toAbsolutePath());
        JsonNode entry = new ObjectMapper().readTree(trail.toFile()).get(0);
        assertThat(entry.get("subject").get("kind").asText()).isEqualTo("folder");
        assertThat(entry.get("subject").get("sha256").asText()).isEqualTo(SignOffTrail.folderHash(set));
        assertThat(entry.get("reviews")).hasSize(2);
    }
}
