package dev.lockstep.analyzer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TomlKeyLinesTest {

    private static final String DOCUMENT = """
            # comment with = and [brackets]
            select = [
              "LS1",   # first
              'LS2',
            ]
            text = \"\"\"
            key = "not a key"
            [not.a.table]
            \"\"\"
            "quoted.key" = 1
            a.b.c = { d = 1, e = [1,
              2] }

            [severity]
            LS206 = "error"

            [[rules.custom]]
            id = "A1"

            [[rules.custom]]
            id = "A2"
            [rules.custom.extra]
            x = 1
            """;

    @Test
    void everyKeyElementAndHeaderHasItsLine() {
        TomlKeyLines lines = TomlKeyLines.of(DOCUMENT);
        assertThat(lines.lineOf(path("select"))).isEqualTo(2);
        assertThat(lines.lineOf(path("select", 0))).isEqualTo(3);
        assertThat(lines.lineOf(path("select", 1))).isEqualTo(4);
        assertThat(lines.lineOf(path("text"))).isEqualTo(6);
        assertThat(lines.lineOf(path("quoted.key"))).isEqualTo(10);
        assertThat(lines.lineOf(path("a", "b", "c", "e", 1))).isEqualTo(12);
        assertThat(lines.lineOf(path("a", "b", "c", "d"))).isEqualTo(11);
        assertThat(lines.lineOf(path("severity"))).isEqualTo(14);
        assertThat(lines.lineOf(path("severity", "LS206"))).isEqualTo(15);
        assertThat(lines.lineOf(path("rules", "custom", 0))).isEqualTo(17);
        assertThat(lines.lineOf(path("rules", "custom", 1, "id"))).isEqualTo(21);
        assertThat(lines.lineOf(path("rules", "custom", 1, "extra", "x"))).isEqualTo(23);
    }

    @Test
    void aMissingKeyFallsBackToItsNearestEnclosingKey() {
        TomlKeyLines lines = TomlKeyLines.of(DOCUMENT);
        assertThat(lines.lineOf(path("rules", "custom", 0, "name"))).isEqualTo(17);
        assertThat(lines.lineOf(path("nowhere"))).isEqualTo(1);
    }

    @Test
    void textItCannotFollowKeepsWhatItFound() {
        TomlKeyLines lines = TomlKeyLines.of("a = 1\nb = [\n");
        assertThat(lines.lineOf(path("a"))).isEqualTo(1);
    }

    private static KeyPath path(Object... segments) {
        return new KeyPath(List.of(segments));
    }
}
