package dev.lockstep.analyzer.facts.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one catalogue of file and network I/O, kept as data ({@code catalogue.json} beside this
 * class), loaded once. Teams add their own APIs in lockstep.toml ({@code [[io]]}, see
 * docs/configuration.md); {@link #with} gives a catalogue with those entries added.
 */
public final class IoCatalogue {
    private static final String RESOURCE = "/dev/lockstep/analyzer/facts/io/catalogue.json";
    private static final IoCatalogue STANDARD = load();

    private final List<IoApi> apis;
    private final Map<String, List<IoApi>> byCall = new HashMap<>();
    private final Map<String, List<IoApi>> byMethod = new HashMap<>();

    private IoCatalogue(List<IoApi> apis) {
        this.apis = List.copyOf(apis);
        for (IoApi api : this.apis) {
            if (api.call() != null) {
                byCall.computeIfAbsent(api.call(), k -> new ArrayList<>()).add(api);
            } else {
                byMethod.computeIfAbsent(api.method(), k -> new ArrayList<>()).add(api);
            }
        }
    }

    /** The catalogue Lockstep ships. */
    public static IoCatalogue standard() {
        return STANDARD;
    }

    /** This catalogue with more entries (a team's own APIs). */
    public IoCatalogue with(List<IoApi> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<IoApi> all = new ArrayList<>(apis);
        all.addAll(more);
        return new IoCatalogue(all);
    }

    public List<IoApi> apis() {
        return apis;
    }

    /** Entries for a qualified function. */
    public List<IoApi> forCall(String qualifiedName) {
        return qualifiedName == null ? List.of() : byCall.getOrDefault(qualifiedName, List.of());
    }

    /** Entries for a method name. */
    public List<IoApi> forMethod(String method) {
        return method == null ? List.of() : byMethod.getOrDefault(method, List.of());
    }

    /** Whether a function or method of this name reads or writes files, whatever its receiver. */
    public boolean knowsName(String lastName) {
        if (byMethod.containsKey(lastName)) {
            return true;
        }
        for (String call : byCall.keySet()) {
            if (call.endsWith("." + lastName)) {
                return true;
            }
        }
        return false;
    }

    private static IoCatalogue load() {
        try (InputStream in = IoCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<IoApi> apis = new ArrayList<>();
            for (JsonNode entry : root.get("apis")) {
                apis.add(parse(entry));
            }
            return new IoCatalogue(apis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** One entry in the catalogue's JSON form (also what lockstep.toml's {@code [[io]]} tables hold). */
    public static IoApi parse(JsonNode entry) {
        JsonNode path = entry.path("path");
        JsonNode mode = entry.path("mode");
        String call = text(entry, "call");
        String method = text(entry, "method");
        if ((call == null) == (method == null)) {
            throw new IllegalArgumentException("an I/O entry names exactly one of 'call' or 'method'");
        }
        return new IoApi(call, method, entry.path("pathReceiver").asBoolean(false),
                Access.parse(entry.path("access").asText("read")), Shape.parse(text(entry, "shape")),
                path.path("position").asInt(-1), text(path, "keyword"), path.path("receiver").asBoolean(false),
                mode.isMissingNode() ? -1 : mode.path("position").asInt(-1), text(mode, "keyword"),
                mode.isMissingNode() ? null : mode.path("default").asText("r"), text(entry, "suffix"),
                text(entry, "revision"), entry.path("localOrHub").asBoolean(false));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
