package dev.lockstep.analyzer.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.python.PythonParser;
import dev.lockstep.analyzer.python.SyntaxNode;
import org.junit.jupiter.api.Test;

/** The one decoder of Python string literal escapes. */
class StringLiteralsTest {

    private static SyntaxNode literal(String code) {
        var parsed = new PythonParser().parse(code);
        assertThat(parsed.problems()).as("parses").isEmpty();
        return parsed.root().find(n -> n.is("string") || n.is("concatenated_string")).get(0);
    }

    @Test
    void escapesOfStrLiterals() {
        assertThat(StringLiterals.value(literal("'a\\nb\\tc'"))).isEqualTo("a\nb\tc");
        assertThat(StringLiterals.value(literal("'\\x41'"))).isEqualTo("A");
        assertThat(StringLiterals.value(literal("'\\u00e9'"))).isEqualTo("\u00e9");
        assertThat(StringLiterals.value(literal("'\\U0001F600'"))).isEqualTo(new String(Character.toChars(0x1F600)));
        assertThat(StringLiterals.value(literal("'\\101\\0'"))).isEqualTo("A\0");
        assertThat(StringLiterals.value(literal("'\\N{LATIN SMALL LETTER E WITH ACUTE}'"))).isEqualTo("\u00e9");
        assertThat(StringLiterals.value(literal("'\\d+'"))).as("an unknown escape stays").isEqualTo("\\d+");
        assertThat(StringLiterals.value(literal("'a' 'b\\n'"))).isEqualTo("ab\n");
    }

    @Test
    void rawStringsKeepTheirBackslashes() {
        assertThat(StringLiterals.value(literal("r'C:\\new\\x41'"))).isEqualTo("C:\\new\\x41");
        assertThat(StringLiterals.prefix(literal("Rb'x'"))).isEqualTo("rb");
    }

    @Test
    void bytesDecodeOnlyTheirOwnEscapes() {
        assertThat(StringLiterals.value(literal("b'x'"))).as("bytes are no str").isNull();
        assertThat(StringLiterals.unescape("\\x41\\n", true)).isEqualTo("A\n");
        assertThat(StringLiterals.unescape("\\u00e9\\N{DASH}", true)).isEqualTo("\\u00e9\\N{DASH}");
        assertThat(StringLiterals.unescape("\\u00e9", false)).isEqualTo("\u00e9");
    }

    @Test
    void aBrokenEscapeStaysAsWritten() {
        assertThat(StringLiterals.unescape("\\xZZ", false)).isEqualTo("\\xZZ");
        assertThat(StringLiterals.unescape("\\u12", false)).isEqualTo("\\u12");
        assertThat(StringLiterals.unescape("\\N{NO SUCH NAME}", false)).isEqualTo("\\N{NO SUCH NAME}");
    }
}
