package dev.lockstep.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The closure files other commands write beside a job -- {@code lockstep.lock},
 * {@code runs/<id>/provenance.json} and replay records -- read by file and tolerantly: an absent
 * file is reported as absent, an unreadable one as unreadable, and only fields found are used.
 */
public final class ClosureFiles {
    public static final String LOCK = "lockstep.lock";
    public static final String PROVENANCE = "provenance.json";
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private ClosureFiles() {
    }

    /**
     * lockstep.lock.
     *
     * @param problem     why it could not be read, or null
     * @param packages    pinned packages found, as {@code name==version}, sorted
     * @param imageDigest the image digest recorded once built, or null
     * @param revisions   hub ids to commit hashes found, sorted
     */
    public record Lock(String problem, List<String> packages, String imageDigest, Map<String, String> revisions) {
        public Lock {
            packages = List.copyOf(packages);
            revisions = java.util.Collections.unmodifiableMap(new TreeMap<>(revisions));
        }
    }

    /** runs/ID/provenance.json: an in-toto Statement, its subject count and predicate type. */
    public record Provenance(String file, String problem, int subjects, String predicateType) {
    }

    /**
     * A replay record.
     *
     * @param file    as named by the user
     * @param verdict the notebook-level verdict it records, or null
     * @param passed  whether that verdict is identical or within tolerance
     * @param problem why it could not be read, or null
     */
    public record Replay(String file, String verdict, boolean passed, String problem) {
    }

    static Lock lock(Path jobDirectory) {
        Path file = jobDirectory.resolve(LOCK);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode root = JobView.json(file);
        if (root == null) {
            root = toml(file);
        }
        if (root == null) {
            return new Lock("neither JSON nor TOML", List.of(), null, Map.of());
        }
        List<String> packages = new ArrayList<>();
        Map<String, String> revisions = new TreeMap<>();
        String[] digest = {null};
        walk(root, "", (path, node) -> {
            String lower = path.toLowerCase(Locale.ROOT);
            if (node.isTextual()) {
                String text = node.asText();
                if (digest[0] == null && lower.contains("image") && DIGEST.matcher(text).find()) {
                    var m = DIGEST.matcher(text);
                    m.find();
                    digest[0] = m.group();
                }
                if ((lower.contains("packages") || lower.contains("requirements")) && text.contains("==")) {
                    packages.add(text.strip());
                }
                if ((lower.contains("revision") || lower.contains("models") || lower.contains("datasets"))
                        && COMMIT.matcher(text).matches()) {
                    revisions.put(path.replaceAll("\\.revision$", ""), text);
                }
            } else if (node.isObject() && (lower.endsWith("packages") || lower.endsWith("requirements"))) {
                node.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    String version = v.isTextual() ? v.asText() : v.path("version").asText(null);
                    if (version != null && !version.isBlank()) {
                        packages.add(e.getKey() + "==" + version);
                    }
                });
            } else if (node.isArray() && (lower.endsWith("packages") || lower.endsWith("requirements"))) {
                for (JsonNode element : node) {
                    if (element.isObject() && element.has("version")) {
                        String name = element.path("name").asText(element.path("distribution").asText("?"));
                        packages.add(name + "==" + element.path("version").asText());
                    }
                }
            }
        });
        return new Lock(null, packages.stream().distinct().sorted().toList(), digest[0], revisions);
    }

    static Provenance provenance(Path runDirectory) {
        Path file = runDirectory.resolve(PROVENANCE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String display = "runs/" + runDirectory.getFileName() + "/" + PROVENANCE;
        JsonNode root = JobView.json(file);
        if (root == null) {
            return new Provenance(display, "not JSON", 0, null);
        }
        String type = root.path("_type").asText("");
        if (!type.startsWith("https://in-toto.io/Statement/")) {
            return new Provenance(display, "not an in-toto Statement (_type " + (type.isEmpty() ? "missing" : type) + ")",
                    0, null);
        }
        return new Provenance(display, null, root.path("subject").size(), root.path("predicateType").asText(null));
    }

    /** A replay record named by the user; its verdict read from {@code verdict} or {@code summary.verdict}. */
    public static Replay replay(Path file, String display) {
        if (!Files.isRegularFile(file)) {
            return new Replay(display, null, false, "no such file");
        }
        JsonNode root = JobView.json(file);
        if (root == null) {
            return new Replay(display, null, false, "not JSON");
        }
        JsonNode verdict = root.path("verdict");
        if (!verdict.isTextual()) {
            verdict = root.path("summary").path("verdict");
        }
        if (!verdict.isTextual()) {
            verdict = root.path("notebook").path("verdict");
        }
        if (!verdict.isTextual()) {
            return new Replay(display, null, false, "records no verdict");
        }
        String text = verdict.asText();
        String key = text.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        boolean passed = key.equals("identical") || key.equals("within-tolerance") || key.equals("reproduced")
                || key.equals("pass") || key.equals("passed");
        return new Replay(display, text, passed, null);
    }

    private static JsonNode toml(Path file) {
        try {
            return new com.fasterxml.jackson.dataformat.toml.TomlMapper().readTree(file.toFile());
        } catch (Exception e) {
            return null;
        }
    }

    private interface Visitor {
        void visit(String path, JsonNode node);
    }

    private static void walk(JsonNode node, String path, Visitor visitor) {
        visitor.visit(path, node);
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                walk(node.get(name), path.isEmpty() ? name : path + "." + name, visitor);
            }
        } else if (node.isArray()) {
            Iterator<JsonNode> elements = node.elements();
            int i = 0;
            while (elements.hasNext()) {
                walk(elements.next(), path + "[" + i++ + "]", visitor);
            }
        }
    }
}
