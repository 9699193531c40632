package dev.lockstep.analyzer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.lockstep.analyzer.LockstepVersion;
import java.io.IOException;
import java.io.Writer;

/**
 * The one way Lockstep writes JSON documents: two-space indentation, {@code "key": value},
 * fields in the order the writer emits them, a generator that leaves the target open.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {
    }

    /** A generator over {@code writer}; closing it does not close the writer. */
    public static JsonGenerator open(Writer writer) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(writer);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        json.setPrettyPrinter(printer);
        return json;
    }

    /** Writes {@code "tool": {"name": "lockstep", "version": ...}}. */
    public static void writeTool(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeStringField("name", "lockstep");
        json.writeStringField("version", LockstepVersion.get());
        json.writeEndObject();
    }
}
