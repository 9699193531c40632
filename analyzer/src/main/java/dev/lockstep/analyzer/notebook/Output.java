package dev.lockstep.analyzer.notebook;

import java.util.List;
import java.util.Objects;

/**
 * One saved output of a code cell, reduced to what analysis needs.
 *
 * <p>Binary and rich payloads (images, HTML, JavaScript, widgets) are skipped while reading:
 * only their MIME types and sizes are known. Text (stream text, {@code text/plain}, error
 * tracebacks) is kept up to {@link NotebookReader#OUTPUT_TEXT_LIMIT} characters per output;
 * {@code truncated} says when more was there.
 *
 * @param kind        the output type
 * @param streamName  {@code stdout}/{@code stderr} for streams, else null
 * @param mimeTypes   the MIME types present in {@code data}, sorted
 * @param text        the kept text (stream text, {@code text/plain}, or traceback lines)
 * @param truncated   whether text was cut at the limit
 * @param errorName   {@code ename} of an error output, else null
 * @param errorValue  {@code evalue} of an error output, else null
 */
public record Output(
        OutputKind kind,
        String streamName,
        List<String> mimeTypes,
        String text,
        boolean truncated,
        String errorName,
        String errorValue) {

    public Output {
        Objects.requireNonNull(kind, "kind");
        mimeTypes = List.copyOf(mimeTypes);
        text = text == null ? "" : text;
    }
}
