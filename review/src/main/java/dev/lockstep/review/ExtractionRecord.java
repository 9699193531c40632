package dev.lockstep.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What extract decided, as {@code extraction.json} records it (docs/job-format.md). Read from a job
 * directory, or from the file extract would write for a bare notebook (planned in memory), so both
 * reviews read the same facts the same way.
 */
public record ExtractionRecord(
        String orderMode,
        String orderReason,
        boolean determinism,
        List<CellDecision> cells,
        List<Param> params,
        List<Input> inputs,
        List<Output> outputs,
        Map<String, String> environment,
        List<String> secrets,
        List<Requirement> requirements,
        List<Blocker> blockers,
        List<HubLoad> hub,
        boolean hubRecorded) {

    public ExtractionRecord {
        cells = List.copyOf(cells);
        params = List.copyOf(params);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
        secrets = List.copyOf(secrets);
        requirements = List.copyOf(requirements);
        blockers = List.copyOf(blockers);
        hub = List.copyOf(hub);
    }

    /** A code cell kept in the job or left out, and why. */
    public record CellDecision(int cell, boolean kept, String reason) {
    }

    public record Param(String name, String type, String value, int cell, int line, String source) {
    }

    public record Input(String name, String path, String sha256, String original, boolean remote, int cell, int line) {
    }

    public record Output(String name, String path, String compare, String original, int cell, int line) {
    }

    public record Requirement(String distribution, String version, String importName) {
        public boolean pinned() {
            return version != null;
        }
    }

    public record Blocker(String rule, int cell, int line, String message, String decision) {
    }

    /**
     * A load from a Hugging Face Hub repository, as extract records it from the analyzer's facts.
     *
     * @param kind     model, tokenizer, dataset, file... as the rules name it
     * @param revision the revision as written, or null
     * @param pinned   whether the revision is a full commit
     */
    public record HubLoad(String id, String kind, String repository, String revision, String revisionKind,
            boolean pinned, boolean trustRemoteCode, int cell, int line) {
    }

    /** Whether extract keeps cell {@code number} (1-based); true when extraction.json does not say. */
    public boolean kept(int number) {
        for (CellDecision c : cells) {
            if (c.cell() == number) {
                return c.kept();
            }
        }
        return true;
    }

    /** Reads extraction.json; missing fields read as empty, so older or newer files still review. */
    public static ExtractionRecord read(JsonNode root) {
        JsonNode order = root.path("order");
        List<CellDecision> cells = new ArrayList<>();
        for (JsonNode c : root.path("cells")) {
            cells.add(new CellDecision(c.path("cell").asInt(), c.path("kept").asBoolean(true), c.path("reason").asText("")));
        }
        List<Param> params = new ArrayList<>();
        for (JsonNode p : root.path("params")) {
            params.add(new Param(p.path("name").asText(), p.path("type").asText(""), p.path("value").asText(""),
                    p.path("cell").asInt(), p.path("line").asInt(), p.path("source").asText("")));
        }
        List<Input> inputs = new ArrayList<>();
        for (JsonNode i : root.path("inputs")) {
            inputs.add(new Input(i.path("name").asText(), i.path("path").asText(""), text(i.path("sha256")),
                    i.path("original").asText(""), i.path("remote").asBoolean(false), i.path("cell").asInt(),
                    i.path("line").asInt()));
        }
        List<Output> outputs = new ArrayList<>();
        for (JsonNode o : root.path("outputs")) {
            outputs.add(new Output(o.path("name").asText(), o.path("path").asText(""), o.path("compare").asText("bytes"),
                    o.path("original").asText(""), o.path("cell").asInt(), o.path("line").asInt()));
        }
        Map<String, String> environment = new TreeMap<>();
        root.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        List<String> secrets = new ArrayList<>();
        root.path("secrets").forEach(s -> secrets.add(s.asText()));
        List<Requirement> requirements = new ArrayList<>();
        for (JsonNode r : root.path("requirements")) {
            requirements.add(new Requirement(r.path("distribution").asText(), text(r.path("version")),
                    text(r.path("import"))));
        }
        List<Blocker> blockers = new ArrayList<>();
        for (JsonNode b : root.path("blockers")) {
            blockers.add(new Blocker(b.path("rule").asText(), b.path("cell").asInt(), b.path("line").asInt(),
                    b.path("message").asText(""), b.path("decision").asText("")));
        }
        List<HubLoad> hub = new ArrayList<>();
        for (JsonNode h : root.path("hub")) {
            hub.add(new HubLoad(h.path("id").asText(), h.path("kind").asText("load"), h.path("repository").asText("model"),
                    text(h.path("revision")), h.path("revision_kind").asText(""), h.path("pinned").asBoolean(false),
                    h.path("trust_remote_code").asBoolean(false), h.path("cell").asInt(), h.path("line").asInt()));
        }
        return new ExtractionRecord(order.path("mode").asText(""), order.path("reason").asText(""),
                root.path("determinism").asBoolean(true), cells, params, inputs, outputs, environment, secrets,
                requirements, blockers, hub, root.path("hub").isArray());
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
