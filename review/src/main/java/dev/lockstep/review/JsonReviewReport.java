package dev.lockstep.review;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lockstep.analyzer.report.JsonOutput;
import dev.lockstep.analyzer.rules.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** {@code lockstep review --format json}: schema version 1, documented in docs/review.md. */
public final class JsonReviewReport {
    private JsonReviewReport() {
    }

    public static void write(ReviewSet set, PrintWriter out) {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeNumberField("version", 1);
            JsonOutput.writeTool(json);
            json.writeStringField("path", set.path());
            json.writeStringField("verdict", set.verdict().id());
            json.writeArrayFieldStart("reviews");
            for (Review review : set.reviews()) {
                review(json, review);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("reviews", set.reviews().size());
            json.writeNumberField("pass", set.reviews().stream().filter(r -> r.verdict() == Verdict.PASS).count());
            json.writeNumberField("fail", set.reviews().stream().filter(r -> r.verdict() == Verdict.FAIL).count());
            json.writeNumberField("unreadable", set.reviews().stream().filter(Review::failed).count());
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.print("\n");
        out.flush();
    }

    private static void review(JsonGenerator json, Review r) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", r.path());
        json.writeStringField("kind", r.kind().id());
        nullable(json, "sha256", r.sha256());
        nullable(json, "error", r.error());
        json.writeStringField("verdict", r.verdict().id());
        nullable(json, "notebook", r.notebookPath());
        json.writeArrayFieldStart("notes");
        for (String note : r.notes()) {
            json.writeString(note);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("items");
        for (ItemResult item : r.items()) {
            json.writeStartObject();
            json.writeNumberField("item", item.item().number());
            json.writeStringField("title", item.item().title());
            json.writeStringField("status", item.status().id());
            json.writeStringField("summary", item.summary());
            json.writeArrayFieldStart("evidence");
            for (Evidence e : item.evidence()) {
                json.writeStartObject();
                json.writeStringField("text", e.text());
                json.writeBooleanField("decides", e.decides());
                nullable(json, "file", e.file());
                if (e.finding() >= 0) {
                    json.writeNumberField("finding", e.finding());
                } else {
                    json.writeNullField("finding");
                }
                if (e.blocker() >= 0) {
                    json.writeNumberField("blocker", e.blocker());
                } else {
                    json.writeNullField("blocker");
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("findings");
        for (Finding f : r.findings()) {
            json.writeStartObject();
            json.writeStringField("rule", f.ruleId());
            json.writeStringField("name", f.ruleName());
            json.writeStringField("severity", f.severity().name().toLowerCase(Locale.ROOT));
            json.writeNumberField("cell", f.location().cell());
            nullable(json, "cellId", f.location().cellId());
            json.writeNumberField("line", f.location().line());
            json.writeNumberField("column", f.location().column());
            json.writeNumberField("endLine", f.location().endLine());
            json.writeNumberField("endColumn", f.location().endColumn());
            json.writeStringField("message", f.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        inventory(json, r.inventory());
        graph(json, r.graph());
        json.writeEndObject();
    }

    private static void inventory(JsonGenerator json, Inventory inv) throws IOException {
        json.writeObjectFieldStart("inventory");
        json.writeArrayFieldStart("params");
        for (ExtractionRecord.Param p : inv.params()) {
            json.writeStartObject();
            json.writeStringField("name", p.name());
            json.writeStringField("type", p.type());
            json.writeStringField("value", p.value());
            json.writeNumberField("cell", p.cell());
            json.writeNumberField("line", p.line());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("inputs");
        for (ExtractionRecord.Input i : inv.inputs()) {
            json.writeStartObject();
            json.writeStringField("name", i.name());
            json.writeStringField("path", i.path());
            nullable(json, "sha256", i.sha256());
            json.writeStringField("original", i.original());
            json.writeBooleanField("remote", i.remote());
            json.writeNumberField("cell", i.cell());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("outputs");
        for (ExtractionRecord.Output o : inv.outputs()) {
            json.writeStartObject();
            json.writeStringField("name", o.name());
            json.writeStringField("path", o.path());
            json.writeStringField("compare", o.compare());
            json.writeNumberField("cell", o.cell());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("hubIds");
        for (Inventory.HubId h : inv.hubIds()) {
            json.writeStartObject();
            json.writeStringField("id", h.id());
            json.writeStringField("kind", h.kind());
            nullable(json, "revision", h.revision());
            json.writeNumberField("cell", h.cell());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("packages");
        for (ExtractionRecord.Requirement p : inv.packages()) {
            json.writeStartObject();
            json.writeStringField("distribution", p.distribution());
            nullable(json, "version", p.version());
            nullable(json, "import", p.importName());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void graph(JsonGenerator json, CellGraph graph) throws IOException {
        if (graph == null) {
            json.writeNullField("graph");
            return;
        }
        json.writeObjectFieldStart("graph");
        json.writeArrayFieldStart("cells");
        for (CellGraph.Node n : graph.nodes()) {
            json.writeStartObject();
            json.writeNumberField("cell", n.cell());
            if (n.executionCount() == null) {
                json.writeNullField("executionCount");
            } else {
                json.writeNumberField("executionCount", n.executionCount());
            }
            json.writeBooleanField("kept", n.kept());
            json.writeBooleanField("blocked", n.blocked());
            json.writeNumberField("findings", n.findings());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("edges");
        for (CellGraph.Edge e : graph.edges()) {
            json.writeStartObject();
            json.writeNumberField("from", e.from());
            json.writeNumberField("to", e.to());
            json.writeArrayFieldStart("names");
            for (String name : e.names()) {
                json.writeString(name);
            }
            json.writeEndArray();
            json.writeBooleanField("outOfOrder", e.outOfOrder());
            json.writeBooleanField("importsOnly", e.importsOnly());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void nullable(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }
}
