package dev.lockstep.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lockstep.analyzer.LockstepVersion;
import dev.lockstep.analyzer.notebook.NotebookSourcePositions;
import dev.lockstep.analyzer.notebook.NotebookSourcePositions.TextPosition;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Location;
import dev.lockstep.analyzer.rules.RuleMetadata;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.scan.ScanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0 for code-scanning tools. Every rule that ran is in {@code tool.driver.rules};
 * each result names its notebook as the artifact and, as its region, the place in the
 * {@code .ipynb} text that holds the flagged source (the line of the cell's source string,
 * columns in Unicode code points, declared by {@code columnKind}), so a viewer of the file marks
 * the right line ({@link NotebookSourcePositions}). The cell is a logical location
 * ({@code cell N}); {@code properties} keep the cell and the position inside its source
 * ({@code cell}, {@code cellLine}, {@code cellColumn}, {@code cellEndLine}, {@code cellEndColumn},
 * {@code sourceLine}). Notebooks are read again, by the paths the results name (relative to the
 * working directory), to find those lines; a file that cannot be read again gets no region.
 * Unreadable files become tool execution notifications.
 */
public final class SarifReport {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static void write(ScanResult result, Writer writer) {
        List<RuleMetadata> rules = new ArrayList<>();
        for (RuleSet.ConfiguredRule rule : result.rules().rules()) {
            rules.add(rule.metadata());
        }
        rules.sort(Comparator.comparing(RuleMetadata::id));
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        try (JsonGenerator json = JsonOutput.open(writer)) {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA_URI);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            writeTool(json, rules);
            json.writeStringField("columnKind", "unicodeCodePoints");
            writeInvocation(json, result);
            json.writeArrayFieldStart("results");
            for (FileReport file : result.files()) {
                Optional<NotebookSourcePositions> positions = file.findings().isEmpty() ? Optional.empty()
                        : positionsOf(file.path());
                for (Finding finding : file.findings()) {
                    writeResult(json, file, finding, ruleIndex, positions);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTool(JsonGenerator json, List<RuleMetadata> rules) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", "lockstep");
        json.writeStringField("version", LockstepVersion.get());
        json.writeStringField("informationUri", "https://lockstep.dev/docs/rules");
        json.writeArrayFieldStart("rules");
        for (RuleMetadata rule : rules) {
            json.writeStartObject();
            json.writeStringField("id", rule.id());
            json.writeStringField("name", rule.name());
            json.writeObjectFieldStart("shortDescription");
            json.writeStringField("text", rule.summary());
            json.writeEndObject();
            json.writeStringField("helpUri", "https://lockstep.dev/docs/rules#" + rule.id().toLowerCase(java.util.Locale.ROOT));
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(rule.severity()));
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeStringField("category", rule.category().title());
            json.writeStringField("extract", rule.remedy().description());
            json.writeBooleanField("fixable", rule.isFixable());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeInvocation(JsonGenerator json, ScanResult result) throws IOException {
        json.writeArrayFieldStart("invocations");
        json.writeStartObject();
        json.writeBooleanField("executionSuccessful", result.failedCount() == 0);
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (FileReport file : result.files()) {
            if (!file.failed()) {
                continue;
            }
            json.writeStartObject();
            json.writeStringField("level", "error");
            json.writeObjectFieldStart("message");
            json.writeStringField("text", file.path() + ": " + file.error());
            json.writeEndObject();
            json.writeArrayFieldStart("locations");
            json.writeStartObject();
            writeArtifact(json, file.path());
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void writeResult(JsonGenerator json, FileReport file, Finding finding, Map<String, Integer> ruleIndex,
            Optional<NotebookSourcePositions> positions) throws IOException {
        Location at = finding.location();
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        Integer index = ruleIndex.get(finding.ruleId());
        if (index != null) {
            json.writeNumberField("ruleIndex", index);
        }
        json.writeStringField("level", level(finding.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", finding.message());
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri(file.path()));
        json.writeEndObject();
        Optional<TextPosition> start = at.cell() > 0
                ? positions.flatMap(p -> p.position(at.cell(), at.line(), at.column())) : Optional.empty();
        if (start.isPresent()) {
            TextPosition end = positions.flatMap(p -> p.position(at.cell(), at.endLine(), at.endColumn()))
                    .filter(e -> e.line() > start.get().line()
                            || (e.line() == start.get().line() && e.column() >= start.get().column()))
                    .orElse(start.get());
            json.writeObjectFieldStart("region");
            json.writeNumberField("startLine", start.get().line());
            json.writeNumberField("startColumn", start.get().column());
            json.writeNumberField("endLine", end.line());
            json.writeNumberField("endColumn", end.column());
            json.writeEndObject();
        }
        json.writeEndObject();
        if (at.cell() > 0) {
            json.writeArrayFieldStart("logicalLocations");
            json.writeStartObject();
            json.writeStringField("name", "cell " + at.cell());
            json.writeStringField("fullyQualifiedName", file.path() + "#cell " + at.cell());
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField("lockstep/v1", fingerprint(file.path(), finding));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeNumberField("cell", at.cell());
        if (at.cellId() != null) {
            json.writeStringField("cellId", at.cellId());
        }
        json.writeNumberField("rank", Ranking.rankOf(file, finding));
        if (at.cell() > 0) {
            json.writeNumberField("cellLine", at.line());
            json.writeNumberField("cellColumn", at.column());
            json.writeNumberField("cellEndLine", at.endLine());
            json.writeNumberField("cellEndColumn", Math.max(at.endColumn(), at.endLine() == at.line() ? at.column() : 1));
            if (!finding.sourceLine().isEmpty()) {
                json.writeStringField("sourceLine", finding.sourceLine());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static Optional<NotebookSourcePositions> positionsOf(String path) {
        try {
            return NotebookSourcePositions.read(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static void writeArtifact(JsonGenerator json, String path) throws IOException {
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri(path));
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A relative URI reference for a path: separators as '/', characters outside URIs escaped. */
    static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (byte raw : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    /** Stable across line moves within a cell: rule, cell id or number, and the source line's text. */
    private static String fingerprint(String path, Finding finding) {
        Location at = finding.location();
        String key = path + "\u0000" + finding.ruleId() + "\u0000"
                + (at.cellId() != null ? at.cellId() : Integer.toString(at.cell())) + "\u0000" + finding.sourceLine().strip();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
