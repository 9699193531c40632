package dev.lockstep.analyzer.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommentLexerTest {

    @Test
    void pythonCommentsOutsideStringsOnly() {
        String source = String.join("\n",
                "a = '# not a comment'  # one",
                "b = \"\"\"",
                "# inside a docstring",
                "\"\"\"  # two",
                "c = 'it\\'s # still a string'",
                "d = r'\\' # raw, still a string'  # three",
                "e = f\"{x} # text\"  # four");
        assertThat(texts(CommentLexer.python(source))).containsExactly(
                "0:23 # one", "3:5 # two", "5:33 # three", "6:19 # four");
    }

    @Test
    void anUnterminatedStringEndsAtTheLineAndHidesItsHash() {
        String source = String.join("\n",
                "x = \"unclosed  # lockstep: ignore[LS201]",
                "y = 1  # after");
        assertThat(texts(CommentLexer.python(source))).containsExactly("1:7 # after");
    }

    @Test
    void anUnterminatedTripleQuotedStringHidesTheRest() {
        String source = "x = '''open\n# lockstep: ignore\n";
        assertThat(CommentLexer.python(source)).isEmpty();
    }

    @Test
    void shellCommentsStartAWordOutsideQuotes() {
        assertThat(CommentLexer.shell(0, "!pip install torch  # lockstep: ignore[LS401]").text())
                .isEqualTo("# lockstep: ignore[LS401]");
        assertThat(CommentLexer.shell(0, "!echo \"# lockstep: ignore\"")).isNull();
        assertThat(CommentLexer.shell(0, "!echo '# x' \\# y")).isNull();
        assertThat(CommentLexer.shell(0, "!curl http://host/a#frag")).isNull();
        assertThat(CommentLexer.shell(2, "# body comment").column()).isZero();
    }

    private static List<String> texts(List<CommentText> comments) {
        return comments.stream().map(c -> c.line() + ":" + c.column() + " " + c.text()).toList();
    }
}
