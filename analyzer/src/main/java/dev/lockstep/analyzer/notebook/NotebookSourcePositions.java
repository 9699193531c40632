package dev.lockstep.analyzer.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where a cell's source lines are in the {@code .ipynb} text itself: findings are positioned in
 * a cell's own source (cell 3, line 2, column 5), while a tool that marks up the file (GitHub
 * code scanning reading SARIF) needs the line and column of the JSON text that holds it.
 *
 * <p>A cell's source is a list of JSON strings (usually one per line) or a single string. A JSON
 * string never spans lines of the file, so a source line lies on the file line of the string
 * that holds its first character, and its column there is found by walking the string's escapes
 * ({@code \"}, {@code \n}, {@code \\u00e9}). With a single-string source every line of the cell
 * is on the same file line, at increasing columns.
 *
 * <p>Read on demand (SARIF only) in a second streaming pass, after {@link NotebookReader} has read
 * the notebook; it keeps only the file lines that hold sources. Cells are numbered as the reader
 * numbers them (all cells, in order; nbformat 3 worksheets one after another).
 */
public final class NotebookSourcePositions {

    /** A place in the file's text: 1-based line, 1-based column in Unicode code points. */
    public record TextPosition(int line, int column) {
    }

    /** One JSON string of a source: its file line, and where its opening quote is on that line. */
    private record Piece(int line, int quoteChar, int decodedStart, String decoded) {
    }

    /** A cell's source: its pieces and its decoded text (what the reader gave the cell). */
    private record CellSource(List<Piece> pieces, String text, boolean shifted) {
    }

    private final List<CellSource> cells;
    private final Map<Integer, String> lines;

    private NotebookSourcePositions(List<CellSource> cells, Map<Integer, String> lines) {
        this.cells = cells;
        this.lines = lines;
    }

    /** Reads the positions of every cell's source in {@code file}; empty when it cannot be read as a notebook. */
    public static Optional<NotebookSourcePositions> read(Path file) {
        List<CellSource> cells = new ArrayList<>();
        TreeSet<Integer> wanted = new TreeSet<>();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(NotebookReader.MAX_DECODED_STRING).maxNestingDepth(200).build())
                .build();
        // A character stream, so that Jackson's columns count characters, not bytes.
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonParser parser = factory.createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("cells") && value == JsonToken.START_ARRAY) {
                    readCells(parser, cells);
                } else if (field.equals("worksheets") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            boolean isCells = parser.currentName().equals("cells");
                            if (parser.nextToken() == JsonToken.START_ARRAY && isCells) {
                                readCells(parser, cells);
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // NotebookReader has said what is wrong with the file
        }
        for (CellSource cell : cells) {
            for (Piece piece : cell.pieces()) {
                wanted.add(piece.line());
            }
        }
        Map<Integer, String> lines = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null && !wanted.isEmpty(); line = reader.readLine()) {
                number++;
                if (wanted.remove(number)) {
                    lines.put(number, line);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new NotebookSourcePositions(cells, lines));
    }

    private static void readCells(JsonParser parser, List<CellSource> cells) throws IOException {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            List<Piece> pieces = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            boolean heading = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("source") || field.equals("input")) {
                    pieces.clear();
                    text.setLength(0);
                    if (value == JsonToken.VALUE_STRING) {
                        add(parser, pieces, text);
                    } else if (value == JsonToken.START_ARRAY) {
                        while (parser.nextToken() == JsonToken.VALUE_STRING) {
                            add(parser, pieces, text);
                        }
                    }
                } else if (field.equals("cell_type") && value == JsonToken.VALUE_STRING) {
                    heading = parser.getText().equals("heading");
                } else {
                    parser.skipChildren();
                }
            }
            // nbformat 3 heading cells get a "# " prefix from the reader: their columns are not the file's.
            cells.add(new CellSource(List.copyOf(pieces), text.toString(), heading));
        }
    }

    private static void add(JsonParser parser, List<Piece> pieces, StringBuilder text) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        String decoded = parser.getText();
        pieces.add(new Piece(at.getLineNr(), at.getColumnNr() - 1, text.length(), decoded));
        text.append(decoded);
    }

    /**
     * The place in the file of a position in a cell's source: {@code cellNumber} 1-based among all
     * cells, {@code line} 1-based in the cell, {@code column} 1-based in code points (a column just
     * past the end of a line is allowed, for the end of a range). Empty when the cell or line does
     * not exist.
     */
    public Optional<TextPosition> position(int cellNumber, int line, int column) {
        if (cellNumber < 1 || cellNumber > cells.size() || line < 1 || column < 1) {
            return Optional.empty();
        }
        CellSource cell = cells.get(cellNumber - 1);
        if (cell.pieces().isEmpty()) {
            return Optional.empty();
        }
        String text = cell.text();
        int lineStart = lineStart(text, line);
        if (lineStart < 0) {
            return Optional.empty();
        }
        int offset = lineStart;
        for (int c = 1; c < column && offset < text.length() && !isLineEnd(text, offset); c++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        Piece piece = cell.pieces().get(0);
        for (Piece p : cell.pieces()) {
            if (p.decodedStart() <= offset && (offset < p.decodedStart() + p.decoded().length() || p == last(cell))) {
                piece = p;
                break;
            }
        }
        String raw = lines.get(piece.line());
        if (raw == null || cell.shifted()) {
            return Optional.of(new TextPosition(piece.line(), 1));
        }
        int rawChar = rawIndex(raw, piece.quoteChar(), offset - piece.decodedStart());
        return Optional.of(new TextPosition(piece.line(), raw.codePointCount(0, Math.min(rawChar, raw.length())) + 1));
    }

    private static Piece last(CellSource cell) {
        return cell.pieces().get(cell.pieces().size() - 1);
    }

    /** The offset where 1-based line {@code line} starts ({@code \n}, {@code \r\n} or a lone {@code \r} end a line), or -1. */
    private static int lineStart(String text, int line) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            int end = offset;
            while (end < text.length() && !isLineEnd(text, end)) {
                end++;
            }
            if (end >= text.length()) {
                return -1;
            }
            offset = end + (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        return offset;
    }

    private static boolean isLineEnd(String text, int offset) {
        char c = text.charAt(offset);
        return c == '\n' || c == '\r';
    }

    /**
     * The index in the raw line of the character at {@code decodedIndex} of the JSON string whose
     * opening quote is at {@code quote} (the closing quote for an index at the string's end).
     */
    static int rawIndex(String raw, int quote, int decodedIndex) {
        int i = quote + 1;
        for (int decoded = 0; decoded < decodedIndex && i < raw.length(); decoded++) {
            char c = raw.charAt(i);
            if (c == '"') {
                break; // the closing quote: the index is past the string's end
            }
            if (c != '\\') {
                i++;
            } else if (i + 1 < raw.length() && raw.charAt(i + 1) == 'u') {
                i += 6; // backslash-u and four hex digits: one UTF-16 unit
            } else {
                i += 2;
            }
        }
        return i;
    }
}
