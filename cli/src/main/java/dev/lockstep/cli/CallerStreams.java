package dev.lockstep.cli;

import dev.lockstep.runtime.CallerContext;
import dev.lockstep.runtime.FrontEnd;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The runtime's view of the person at the terminal: picocli's writers as the byte streams the
 * runtime writes the job's output to (decoded as UTF-8, flushed as the job prints), the whole
 * environment of this process (the runtime takes secrets and interpreter search paths from it,
 * and records the variables that change results), the working directory, the UTC clock, and the
 * command as the user typed it (so the runtime's hints read {@code ./lockstep run job --input data=PATH}).
 */
final class CallerStreams {

    private CallerStreams() {
    }

    static CallerContext of(PrintWriter out, PrintWriter err) {
        return of(out, err, System.getenv());
    }

    static CallerContext of(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return new CallerContext(stream(out), stream(err), environment, Path.of("").toAbsolutePath(), Clock.systemUTC(),
                FrontEnd.cli(ProgramName.get()));
    }

    private static PrintStream stream(PrintWriter writer) {
        return new PrintStream(new WriterOutput(writer), true, StandardCharsets.UTF_8);
    }

    /**
     * Bytes to a writer, decoded as UTF-8 across write boundaries (a character split between two
     * reads of the job's output is decoded whole); malformed bytes become U+FFFD.
     */
    private static final class WriterOutput extends OutputStream {
        private final PrintWriter writer;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private final CharBuffer chars = CharBuffer.allocate(8192);

        WriterOutput(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ByteBuffer input = ByteBuffer.allocate(pending.remaining() + length);
            input.put(pending).put(bytes, offset, length).flip();
            while (true) {
                boolean overflow = decoder.decode(input, chars, false).isOverflow();
                drain();
                if (!overflow) {
                    break;
                }
            }
            pending = input.slice();
        }

        @Override
        public void flush() {
            drain();
            writer.flush();
        }

        @Override
        public void close() {
            ByteBuffer input = pending;
            decoder.decode(input, chars, true);
            decoder.flush(chars);
            pending = ByteBuffer.allocate(0);
            flush();
        }

        private void drain() {
            chars.flip();
            writer.append(chars);
            chars.clear();
        }
    }
}
