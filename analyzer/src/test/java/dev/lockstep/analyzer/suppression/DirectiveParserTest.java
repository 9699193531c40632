package dev.lockstep.analyzer.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each comment, what it suppresses: ids, "*" for every rule, "!" for malformed, "-" for no directive. */
class DirectiveParserTest {

    /** "comment | expected" lines: CsvSource would read a leading "#" as a comment line. */
    private static final String CASES = """
            # lockstep: ignore[LS201]                  | LS201
            # lockstep: ignore[LS201, LS302]           | LS201 LS302
            # lockstep: ignore[ LS201 ,LS302 ]         | LS201 LS302
            # lockstep: ignore                         | *
            # lockstep: ignore -- flaky mount          | *
            #lockstep:ignore[LS201]                    | LS201
            # LOCKSTEP: Ignore[LS201]                  | LS201
            # noqa: E501  # lockstep: ignore[LS201]    | LS201
            # lockstep: ignore[LS201] # lockstep: ignore[LS302] | LS201 LS302
            # lockstep: ignore[ACME001]                | ACME001
            # a plain comment                          | -
            # see the lockstep: docs                   | -
            # lockstep: ignore LS201                   | !
            # lockstep: ignore: LS201                  | !
            # lockstep: ignore[LS201                   | !
            # lockstep: ignore[]                       | !
            # lockstep: ignore[LS201,,LS302]           | !
            # lockstep: ignore[LS201 LS302]            | !
            # lockstep: ignored[LS201]                 | !
            # lockstep: ignoreLS201                    | !
            # lockstep:                                | !
            """;

    static Stream<Arguments> cases() {
        return CASES.lines().map(line -> line.split("\\|")).map(p -> Arguments.of(p[0].strip(), p[1].strip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsWhatACommentSuppresses(String comment, String expected) {
        assertThat(summary(DirectiveParser.parse(comment))).isEqualTo(expected);
    }

    @Test
    void piecesKnowWhereTheyAre() {
        List<DirectiveParser.Piece> ids = DirectiveParser.parse("# lockstep: ignore[LS201, LS302]");
        assertThat(ids).extracting(p -> p.start() + "-" + p.end()).containsExactly("19-24", "26-31");
        List<DirectiveParser.Piece> blanket = DirectiveParser.parse("x  # lockstep: ignore  # why");
        assertThat(blanket).extracting(p -> p.start() + "-" + p.end()).containsExactly("3-21");
    }

    private static String summary(List<DirectiveParser.Piece> pieces) {
        if (pieces.isEmpty()) {
            return "-";
        }
        if (pieces.stream().anyMatch(DirectiveParser.Piece::isMalformed)) {
            return "!";
        }
        return String.join(" ", pieces.stream().map(p -> p.ruleId() == null ? "*" : p.ruleId()).toList());
    }
}
