package dev.lockstep.extractor.emit;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lockstep.analyzer.facts.environment.EnvironmentRead;
import dev.lockstep.analyzer.facts.hub.HubLoad;
import dev.lockstep.analyzer.report.JsonOutput;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import dev.lockstep.extractor.plan.OutputSpec;
import dev.lockstep.extractor.plan.Param;
import dev.lockstep.extractor.plan.PlannedCell;
import dev.lockstep.extractor.plan.Requirement;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** extraction.json: the machine-readable account of every decision. */
final class ExtractionReport {
    private ExtractionReport() {
    }

    static String json(ExtractionPlan plan) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeNumberField("version", 1);
            json.writeObjectFieldStart("source");
            json.writeStringField("notebook", plan.notebookName());
            json.writeStringField("sha256", plan.source().notebook().sha256());
            json.writeEndObject();
            json.writeObjectFieldStart("order");
            json.writeStringField("mode", plan.order() == null ? "document" : plan.order().mode().name().toLowerCase(java.util.Locale.ROOT));
            json.writeStringField("reason", plan.order() == null ? "" : plan.order().reason());
            json.writeArrayFieldStart("cells");
            for (int index : plan.order() == null ? List.<Integer>of() : plan.order().cells()) {
                json.writeNumber(index + 1);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeBooleanField("determinism", plan.options().determinism());
            json.writeArrayFieldStart("cells");
            for (PlannedCell c : plan.cells()) {
                json.writeStartObject();
                json.writeNumberField("cell", c.number());
                if (c.id() == null) {
                    json.writeNullField("id");
                } else {
                    json.writeStringField("id", c.id());
                }
                json.writeBooleanField("kept", c.kept());
                json.writeStringField("reason", c.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("params");
            for (Param p : JobRenderer.sortedParams(plan)) {
                json.writeStartObject();
                json.writeStringField("name", p.name());
                json.writeStringField("type", p.type());
                json.writeFieldName("value");
                writeValue(json, p.value());
                json.writeNumberField("cell", p.cell());
                json.writeNumberField("line", p.line());
                json.writeStringField("source", p.source());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("inputs");
            for (InputSpec i : JobRenderer.sortedInputs(plan)) {
                json.writeStartObject();
                json.writeStringField("name", i.name());
                json.writeStringField("path", i.path());
                if (i.sha256() == null) {
                    json.writeNullField("sha256");
                } else {
                    json.writeStringField("sha256", i.sha256());
                }
                json.writeStringField("original", i.original());
                json.writeBooleanField("remote", i.remote());
                json.writeNumberField("cell", i.cell());
                json.writeNumberField("line", i.line());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("outputs");
            for (OutputSpec o : JobRenderer.sortedOutputs(plan)) {
                json.writeStartObject();
                json.writeStringField("name", o.name());
                json.writeStringField("path", o.path());
                json.writeStringField("compare", JobRenderer.compare(o.compare(), false));
                json.writeStringField("original", o.original());
                json.writeNumberField("cell", o.cell());
                json.writeNumberField("line", o.line());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("environment");
            for (var e : plan.environment().entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("secrets");
            for (String s : plan.secrets()) {
                json.writeString(s);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("requirements");
            for (Requirement r : plan.requirements()) {
                json.writeStartObject();
                json.writeStringField("distribution", r.distribution());
                if (r.version() == null) {
                    json.writeNullField("version");
                } else {
                    json.writeStringField("version", r.version());
                }
                if (r.importName() == null) {
                    json.writeNullField("import");
                } else {
                    json.writeStringField("import", r.importName());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("hub");
            for (HubLoad load : hubLoads(plan)) {
                json.writeStartObject();
                json.writeStringField("id", load.id());
                json.writeStringField("kind", load.kind());
                json.writeStringField("repository", load.repository().jsonName());
                if (load.revision() == null) {
                    json.writeNullField("revision");
                } else {
                    json.writeStringField("revision", load.revision());
                }
                json.writeStringField("revision_kind", load.pin().name().toLowerCase(Locale.ROOT));
                json.writeBooleanField("pinned", load.pinned());
                json.writeBooleanField("trust_remote_code", load.trustRemoteCode());
                json.writeNumberField("cell", load.cell());
                json.writeNumberField("line", load.line());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("environment_reads");
            for (EnvironmentRead read : environmentReads(plan)) {
                json.writeStartObject();
                if (read.variable() == null) {
                    json.writeNullField("variable");
                } else {
                    json.writeStringField("variable", read.variable());
                }
                json.writeStringField("code", read.code());
                json.writeNumberField("cell", read.cell().number());
                json.writeNumberField("line", read.line());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("blockers");
            for (Blocker b : plan.blockers()) {
                json.writeStartObject();
                json.writeStringField("rule", b.ruleId());
                json.writeNumberField("cell", b.cell());
                json.writeNumberField("line", b.line());
                json.writeStringField("message", b.message());
                json.writeStringField("decision", b.decision());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("changes");
            for (Change c : plan.changes()) {
                json.writeStartObject();
                json.writeStringField("pass", c.pass());
                json.writeNumberField("cell", c.cell());
                json.writeNumberField("line", c.line());
                json.writeStringField("summary", c.summary());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** Order of the {@code hub} array: by id, then repository, kind, cell and line. */
    private static final Comparator<HubLoad> HUB_ORDER = Comparator.comparing(HubLoad::id)
            .thenComparing(l -> l.repository().jsonName()).thenComparing(HubLoad::kind)
            .thenComparingInt(HubLoad::cell).thenComparingInt(HubLoad::line);

    /** The Hub loads of the kept cells, as the analyzer's facts know them, sorted. */
    static List<HubLoad> hubLoads(ExtractionPlan plan) {
        Set<Integer> kept = keptIndexes(plan);
        return plan.source().facts().hub().all().stream()
                .filter(l -> kept.contains(l.call().cell().index()))
                .sorted(HUB_ORDER)
                .toList();
    }

    /**
     * What the kept cells read from the environment of whoever runs the job (LS205's inventory),
     * leaving out variables the notebook sets itself first; in cell and line order.
     */
    static List<EnvironmentRead> environmentReads(ExtractionPlan plan) {
        Set<Integer> kept = keptIndexes(plan);
        return plan.source().facts().environment().reads().stream()
                .filter(r -> !r.setBefore() && kept.contains(r.cell().index()))
                .sorted(Comparator.comparingInt((EnvironmentRead r) -> r.cell().number())
                        .thenComparingInt(EnvironmentRead::line).thenComparing(EnvironmentRead::code))
                .toList();
    }

    /** The indexes of the cells the job keeps. */
    private static Set<Integer> keptIndexes(ExtractionPlan plan) {
        Set<Integer> kept = new HashSet<>();
        plan.keptCells().forEach(c -> kept.add(c.index()));
        return kept;
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(String.valueOf(value));
        }
    }
}
