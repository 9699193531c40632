package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.runtime.CallerContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job's output bytes reach picocli's writers as text, as they arrive. */
class CallerStreamsTest {

    @Test
    void bytesAreDecodedAsUtf8AcrossWritesAndFlushedThrough() {
        StringWriter out = new StringWriter();
        CallerContext caller = CallerStreams.of(new PrintWriter(out), new PrintWriter(new StringWriter()),
                Map.of("HOME", "/h"));
        byte[] text = "loss \u2193 0.31 \u2714\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : text) {
            caller.out().write(new byte[] {b}, 0, 1);
            caller.out().flush();
        }
        assertThat(out.toString()).isEqualTo("loss \u2193 0.31 \u2714\n");

        caller.out().write(new byte[] {'a', (byte) 0xff, 'b'}, 0, 3);
        caller.out().flush();
        assertThat(out.toString()).endsWith("a\ufffdb");

        caller.out().println("runtime line");
        assertThat(out.toString()).endsWith("runtime line" + System.lineSeparator());
    }

    @Test
    void theCallerIsThisProcessWithTheGivenEnvironment() {
        CallerContext caller = CallerStreams.of(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of("HF_TOKEN", "x"));
        assertThat(caller.environment()).containsExactly(Map.entry("HF_TOKEN", "x"));
        assertThat(caller.workingDirectory()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(CallerStreams.of(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .environment()).isEqualTo(System.getenv());
    }
}
