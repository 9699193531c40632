package dev.lockstep.analyzer.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code .ipynb} files (nbformat 4.0-4.5, and nbformat 3 upgraded on read) with a
 * streaming parser.
 *
 * <p>Why streaming: notebooks routinely embed hundreds of megabytes of images and HTML. Those
 * payloads are skipped token by token without ever being decoded, so memory stays bounded by
 * the size of the code, not of the file. Structure is checked as it is read (the parts of the
 * nbformat schema analysis relies on), so a malformed file gets one precise message.
 */
public final class NotebookReader {

    /** Characters of text kept per output (stream text, text/plain, traceback). */
    public static final int OUTPUT_TEXT_LIMIT = 256 * 1024;

    /** The longest single JSON string that is decoded (sources and kept output text). */
    static final int MAX_DECODED_STRING = 16 * 1024 * 1024;

    private static final Set<String> V3_RICH_KEYS =
            Set.of("png", "jpeg", "svg", "html", "latex", "json", "javascript", "pdf", "markdown");

    private final JsonFactory factory;

    public NotebookReader() {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_DECODED_STRING)
                        .maxNestingDepth(200)
                        .build())
                .build();
    }

    /** Reads the notebook at {@code path}; {@code displayPath} is how messages and findings name it. */
    public Notebook read(Path path, String displayPath) throws NotebookFormatException {
        if (Files.isDirectory(path)) {
            throw new NotebookFormatException("is a directory, not a notebook file");
        }
        MessageDigest digest = sha256();
        try (InputStream raw = Files.newInputStream(path);
                DigestInputStream hashing = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), digest)) {
            Notebook notebook = read(hashing, displayPath);
            hashing.transferTo(java.io.OutputStream.nullOutputStream());
            return new Notebook(notebook.path(), notebook.nbformat(), notebook.nbformatMinor(),
                    notebook.metadata(), notebook.cells(), HexFormat.of().formatHex(digest.digest()), path);
        } catch (NoSuchFileException e) {
            throw new NotebookFormatException("no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new NotebookFormatException("permission denied");
        } catch (IOException e) {
            throw new NotebookFormatException("cannot read file: " + oneLine(e.getMessage()), e);
        }
    }

    /** Reads a notebook from a stream (the stream is not closed). Digest is left null. */
    public Notebook read(InputStream in, String displayPath) throws NotebookFormatException, IOException {
        try (JsonParser parser = factory.createParser(in)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return new Session(parser, displayPath).readNotebook();
        } catch (CharConversionException e) {
            throw new NotebookFormatException("not valid UTF-8 text: " + oneLine(e.getMessage()));
        } catch (JsonEOFException e) {
            throw new NotebookFormatException("truncated JSON: unexpected end of file" + at(e.getLocation()));
        } catch (StreamConstraintsException e) {
            throw new NotebookFormatException("JSON too large to analyze: " + oneLine(e.getOriginalMessage()));
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Invalid UTF-8")) {
                throw new NotebookFormatException("not valid UTF-8 text" + at(e.getLocation()));
            }
            throw new NotebookFormatException("not valid JSON: " + oneLine(message) + at(e.getLocation()));
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        return line;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** One read: the parser plus what has been seen so far. */
    private static final class Session {
        private final JsonParser parser;
        private final String displayPath;
        private Integer nbformat;
        private Integer nbformatMinor;
        private NotebookMetadata metadata = NotebookMetadata.EMPTY;
        private List<RawCell> cells;

        Session(JsonParser parser, String displayPath) {
            this.parser = parser;
            this.displayPath = displayPath;
        }

        Notebook readNotebook() throws IOException, NotebookFormatException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new NotebookFormatException("empty file, not a notebook");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new NotebookFormatException(
                        "not a notebook: the top-level JSON value is " + describe(first) + ", expected an object");
            }
            List<RawCell> v3Cells = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "nbformat" -> nbformat = readInt("nbformat", value);
                    case "nbformat_minor" -> nbformatMinor = readInt("nbformat_minor", value);
                    case "metadata" -> metadata = readNotebookMetadata(value);
                    case "cells" -> cells = readCells(value, "cells");
                    case "worksheets" -> v3Cells = readWorksheets(value);
                    default -> parser.skipChildren();
                }
            }
            JsonToken trailing;
            try {
                trailing = parser.nextToken();
            } catch (JsonParseException e) {
                trailing = JsonToken.NOT_AVAILABLE;
            }
            if (trailing != null) {
                throw new NotebookFormatException("trailing data after the notebook's JSON object" + at(parser.currentLocation()));
            }
            if (nbformat == null) {
                throw new NotebookFormatException("not a notebook: no 'nbformat' field");
            }
            int minor = nbformatMinor == null ? 0 : nbformatMinor;
            List<RawCell> raw;
            if (nbformat == 4) {
                if (cells == null) {
                    throw new NotebookFormatException("nbformat 4 notebook has no 'cells' list");
                }
                if (minor > 5) {
                    // Newer minors are backwards compatible by nbformat's own rules; read them.
                    minor = nbformatMinor;
                }
                raw = cells;
            } else if (nbformat == 3) {
                if (v3Cells == null) {
                    throw new NotebookFormatException("nbformat 3 notebook has no 'worksheets' list");
                }
                raw = v3Cells;
            } else {
                throw new NotebookFormatException("unsupported nbformat " + nbformat + " (supported: 3 and 4)");
            }
            List<Cell> built = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                built.add(raw.get(i).toCell(i));
            }
            return new Notebook(displayPath, nbformat, minor, metadata, built, null);
        }

        private List<RawCell> readWorksheets(JsonToken value) throws IOException, NotebookFormatException {
            expect(value, JsonToken.START_ARRAY, "'worksheets'", "a list");
            List<RawCell> all = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                expect(parser.currentToken(), JsonToken.START_OBJECT, "a worksheet", "an object");
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken token = parser.nextToken();
                    if (field.equals("cells")) {
                        all.addAll(readCells(token, "worksheet cells", all.size()));
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            return all;
        }

        private List<RawCell> readCells(JsonToken value, String what) throws IOException, NotebookFormatException {
            return readCells(value, what, 0);
        }

        private List<RawCell> readCells(JsonToken value, String what, int firstIndex)
                throws IOException, NotebookFormatException {
            expect(value, JsonToken.START_ARRAY, "'" + what + "'", "a list");
            List<RawCell> result = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int number = firstIndex + result.size() + 1;
                result.add(readCell(number));
            }
            return result;
        }

        private RawCell readCell(int number) throws IOException, NotebookFormatException {
            String where = "cell " + number;
            expect(parser.currentToken(), JsonToken.START_OBJECT, where, "an object");
            RawCell cell = new RawCell(number);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "cell_type" -> cell.type = readString(where + ": 'cell_type'", token);
                    case "id" -> cell.id = readString(where + ": 'id'", token);
                    case "source", "input" -> cell.source = readMultilineText(where + ": '" + field + "'", token, Integer.MAX_VALUE).text;
                    case "execution_count", "prompt_number" -> cell.executionCount = readNullableInt(where + ": '" + field + "'", token);
                    case "metadata" -> cell.tags = readCellMetadataTags(where, token);
                    case "outputs" -> cell.outputs = readOutputs(where, token);
                    case "level" -> cell.headingLevel = readNullableInt(where + ": 'level'", token);
                    default -> parser.skipChildren();
                }
            }
            if (cell.type == null) {
                throw new NotebookFormatException(where + ": missing 'cell_type'");
            }
            return cell;
        }

        private List<String> readCellMetadataTags(String where, JsonToken token) throws IOException, NotebookFormatException {
            expect(token, JsonToken.START_OBJECT, where + ": 'metadata'", "an object");
            List<String> tags = List.of();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("tags")) {
                    tags = readStringList(where + ": 'metadata.tags'", value);
                } else {
                    parser.skipChildren();
                }
            }
            return tags;
        }

        private List<Output> readOutputs(String where, JsonToken token) throws IOException, NotebookFormatException {
            expect(token, JsonToken.START_ARRAY, where + ": 'outputs'", "a list");
            List<Output> outputs = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                outputs.add(readOutput(where + ": output " + (outputs.size() + 1)));
            }
            return outputs;
        }

        private Output readOutput(String where) throws IOException, NotebookFormatException {
            expect(parser.currentToken(), JsonToken.START_OBJECT, where, "an object");
            String type = null;
            String streamName = null;
            Set<String> mimeTypes = new TreeSet<>();
            Text text = Text.EMPTY;
            Text plain = Text.EMPTY;
            String ename = null;
            String evalue = null;
            Text traceback = Text.EMPTY;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "output_type" -> type = readString(where + ": 'output_type'", value);
                    case "name", "stream" -> streamName = readString(where + ": '" + field + "'", value);
                    case "text" -> text = readMultilineText(where + ": 'text'", value, OUTPUT_TEXT_LIMIT);
                    case "data" -> plain = readMimeBundle(where, value, mimeTypes);
                    case "ename" -> ename = readString(where + ": 'ename'", value);
                    case "evalue" -> evalue = readString(where + ": 'evalue'", value);
                    case "traceback" -> traceback = readMultilineText(where + ": 'traceback'", value, OUTPUT_TEXT_LIMIT);
                    default -> {
                        if (V3_RICH_KEYS.contains(field)) {
                            mimeTypes.add(v3MimeType(field));
                        }
                        parser.skipChildren();
                    }
                }
            }
            if (type == null) {
                throw new NotebookFormatException(where + ": missing 'output_type'");
            }
            OutputKind kind = switch (type) {
                case "stream" -> OutputKind.STREAM;
                case "display_data" -> OutputKind.DISPLAY_DATA;
                case "execute_result", "pyout" -> OutputKind.EXECUTE_RESULT;
                case "error", "pyerr" -> OutputKind.ERROR;
                default -> throw new NotebookFormatException(where + ": unknown output_type '" + type + "'");
            };
            Text kept = switch (kind) {
                case STREAM -> text;
                case ERROR -> traceback;
                default -> plain.text.isEmpty() ? text : plain;
            };
            if (kind != OutputKind.STREAM && !text.text.isEmpty()) {
                mimeTypes.add("text/plain");
            }
            return new Output(kind, kind == OutputKind.STREAM ? (streamName == null ? "stdout" : streamName) : null,
                    List.copyOf(mimeTypes), kept.text, kept.truncated, ename, evalue);
        }

        /** Reads a MIME bundle, keeping text/plain and skipping every other payload undecoded. */
        private Text readMimeBundle(String where, JsonToken token, Set<String> mimeTypes)
                throws IOException, NotebookFormatException {
            expect(token, JsonToken.START_OBJECT, where + ": 'data'", "an object");
            Text plain = Text.EMPTY;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String mime = parser.currentName();
                JsonToken value = parser.nextToken();
                mimeTypes.add(mime);
                if (mime.equals("text/plain")) {
                    plain = readMultilineText(where + ": 'data.text/plain'", value, OUTPUT_TEXT_LIMIT);
                } else {
                    parser.skipChildren();
                }
            }
            return plain;
        }

        private NotebookMetadata readNotebookMetadata(JsonToken token) throws IOException, NotebookFormatException {
            expect(token, JsonToken.START_OBJECT, "'metadata'", "an object");
            String kernelName = null;
            String kernelLanguage = null;
            String languageName = null;
            String languageVersion = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("kernelspec") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        JsonToken v = parser.nextToken();
                        if (key.equals("name")) {
                            kernelName = scalarText(v);
                        } else if (key.equals("language")) {
                            kernelLanguage = scalarText(v);
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else if (field.equals("language_info") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        JsonToken v = parser.nextToken();
                        if (key.equals("name")) {
                            languageName = scalarText(v);
                        } else if (key.equals("version")) {
                            languageVersion = scalarText(v);
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return new NotebookMetadata(kernelName, kernelLanguage, languageName, languageVersion);
        }

        /** A scalar's text, or null for containers and null (lenient: metadata is advisory). */
        private String scalarText(JsonToken token) throws IOException {
            if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                return parser.getValueAsString();
            }
            parser.skipChildren();
            return null;
        }

        /**
         * Reads nbformat "multiline string": a string, or a list of strings to concatenate.
         * Keeps at most {@code limit} characters; strings past the limit are skipped undecoded.
         */
        private Text readMultilineText(String what, JsonToken token, int limit) throws IOException, NotebookFormatException {
            if (token == JsonToken.VALUE_STRING) {
                String value = parser.getText();
                return value.length() > limit ? new Text(value.substring(0, limit), true) : new Text(value, false);
            }
            if (token == JsonToken.VALUE_NULL) {
                return Text.EMPTY;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new NotebookFormatException(what + " must be a string or a list of strings, got " + describe(token));
            }
            StringBuilder text = new StringBuilder();
            boolean truncated = false;
            JsonToken item;
            while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (item != JsonToken.VALUE_STRING) {
                    throw new NotebookFormatException(what + " must be a list of strings, found " + describe(item));
                }
                if (truncated) {
                    continue; // not decoded: the parser skips it on the next token
                }
                String piece = parser.getText();
                if (text.length() + piece.length() > limit) {
                    text.append(piece, 0, limit - text.length());
                    truncated = true;
                } else {
                    text.append(piece);
                }
            }
            return new Text(text.toString(), truncated);
        }

        private List<String> readStringList(String what, JsonToken token) throws IOException, NotebookFormatException {
            if (token != JsonToken.START_ARRAY) {
                throw new NotebookFormatException(what + " must be a list of strings, got " + describe(token));
            }
            List<String> values = new ArrayList<>();
            JsonToken item;
            while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (item != JsonToken.VALUE_STRING) {
                    throw new NotebookFormatException(what + " must be a list of strings, found " + describe(item));
                }
                values.add(parser.getText());
            }
            return values;
        }

        private String readString(String what, JsonToken token) throws IOException, NotebookFormatException {
            if (token != JsonToken.VALUE_STRING) {
                throw new NotebookFormatException(what + " must be a string, got " + describe(token));
            }
            return parser.getText();
        }

        private int readInt(String what, JsonToken token) throws IOException, NotebookFormatException {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw new NotebookFormatException("'" + what + "' must be an integer, got " + describe(token));
            }
            return parser.getIntValue();
        }

        private Integer readNullableInt(String what, JsonToken token) throws IOException, NotebookFormatException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw new NotebookFormatException(what + " must be an integer or null, got " + describe(token));
            }
            return parser.getIntValue();
        }

        private void expect(JsonToken actual, JsonToken expected, String what, String description)
                throws NotebookFormatException {
            if (actual != expected) {
                throw new NotebookFormatException(what + " must be " + description + ", got " + describe(actual));
            }
        }

        private String describe(JsonToken token) {
            if (token == null) {
                return "end of file";
            }
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> token.asString() == null ? token.name() : token.asString();
            };
        }

        private static String v3MimeType(String key) {
            return switch (key) {
                case "png" -> "image/png";
                case "jpeg" -> "image/jpeg";
                case "svg" -> "image/svg+xml";
                case "html" -> "text/html";
                case "latex" -> "text/latex";
                case "json" -> "application/json";
                case "javascript" -> "application/javascript";
                case "pdf" -> "application/pdf";
                default -> "text/markdown";
            };
        }
    }

    /** A cell as read, before its type is checked and it is given its position. */
    private static final class RawCell {
        final int number;
        String type;
        String id;
        String source = "";
        Integer executionCount;
        Integer headingLevel;
        List<String> tags = List.of();
        List<Output> outputs = List.of();

        RawCell(int number) {
            this.number = number;
        }

        Cell toCell(int index) throws NotebookFormatException {
            CellType cellType = switch (type) {
                case "code" -> CellType.CODE;
                case "markdown" -> CellType.MARKDOWN;
                case "raw" -> CellType.RAW;
                // nbformat 3: heading cells become markdown headings, as nbformat's upgrade does.
                case "heading" -> CellType.MARKDOWN;
                default -> throw new NotebookFormatException("cell " + number + ": unknown cell_type '" + type + "'");
            };
            String text = withoutLoneCarriageReturns(source);
            if (type.equals("heading")) {
                int level = headingLevel == null ? 1 : Math.max(1, Math.min(6, headingLevel));
                text = "#".repeat(level) + " " + source;
            }
            if (cellType != CellType.CODE) {
                return new Cell(index, id, cellType, text, null, tags, List.of());
            }
            return new Cell(index, id, cellType, text, executionCount, tags, outputs);
        }
    }

    /**
     * A lone {@code \r} (old Mac line end) as {@code \n}: Python and IPython end a line at one,
     * and every position in Lockstep counts lines by {@code \n}. {@code \r\n} is left as it is.
     */
    static String withoutLoneCarriageReturns(String source) {
        int cr = source.indexOf('\r');
        if (cr < 0) {
            return source;
        }
        StringBuilder out = new StringBuilder(source);
        for (int i = cr; i < out.length(); i++) {
            if (out.charAt(i) == '\r' && (i + 1 == out.length() || out.charAt(i + 1) != '\n')) {
                out.setCharAt(i, '\n');
            }
        }
        return out.toString();
    }

    /** Kept text and whether it was cut. */
    private record Text(String text, boolean truncated) {
        static final Text EMPTY = new Text("", false);
    }

}
