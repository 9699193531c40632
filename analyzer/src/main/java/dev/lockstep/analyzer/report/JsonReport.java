package dev.lockstep.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.InventoryItem;
import dev.lockstep.analyzer.rules.Location;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.scan.ScanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The machine format, schema documented in docs/json-format.md. Keys are written in a fixed
 * order and files and findings in report order, so equal scans give equal bytes.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static void write(ScanResult result, Writer writer) {
        try (JsonGenerator json = JsonOutput.open(writer)) {
            json.writeStartObject();
            json.writeNumberField("version", 1);
            JsonOutput.writeTool(json);
            json.writeArrayFieldStart("files");
            for (FileReport file : result.files()) {
                writeFile(json, file);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("files", result.files().size());
            json.writeNumberField("unreadable", result.failedCount());
            json.writeNumberField("findings", result.findingCount());
            json.writeNumberField("error", result.count(Severity.ERROR));
            json.writeNumberField("warning", result.count(Severity.WARNING));
            json.writeNumberField("info", result.count(Severity.INFO));
            json.writeEndObject();
            json.writeEndObject();
            json.flush();
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFile(JsonGenerator json, FileReport file) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", file.path());
        if (file.sha256() == null) {
            json.writeNullField("sha256");
        } else {
            json.writeStringField("sha256", file.sha256());
        }
        if (file.error() == null) {
            json.writeNullField("error");
        } else {
            json.writeStringField("error", file.error());
        }
        if (file.error() == null) {
            json.writeStringField("verdict", Ranking.verdict(file));
        } else {
            json.writeNullField("verdict");
        }
        json.writeArrayFieldStart("findings");
        List<Integer> ranks = Ranking.ranks(file);
        for (int i = 0; i < file.findings().size(); i++) {
            Finding finding = file.findings().get(i);
            Location at = finding.location();
            json.writeStartObject();
            json.writeStringField("rule", finding.ruleId());
            json.writeStringField("name", finding.ruleName());
            json.writeStringField("severity", finding.severity().label());
            json.writeNumberField("cell", at.cell());
            if (at.cellId() == null) {
                json.writeNullField("cellId");
            } else {
                json.writeStringField("cellId", at.cellId());
            }
            json.writeNumberField("line", at.line());
            json.writeNumberField("column", at.column());
            json.writeNumberField("endLine", at.endLine());
            json.writeNumberField("endColumn", at.endColumn());
            json.writeStringField("message", finding.message());
            json.writeNumberField("rank", ranks.get(i));
            json.writeStringField("tier", Ranking.tier(finding).name().toLowerCase(java.util.Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("inventory");
        for (InventoryItem item : file.inventory()) {
            Location at = item.location();
            json.writeStartObject();
            json.writeStringField("rule", item.ruleId());
            json.writeNumberField("cell", at.cell());
            json.writeNumberField("line", at.line());
            json.writeNumberField("column", at.column());
            json.writeStringField("item", item.item());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
