package dev.lockstep.analyzer.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlStreamReadException;
import dev.lockstep.analyzer.rules.BuiltInRules;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleMetadata;
import dev.lockstep.analyzer.rules.Severity;
import dev.lockstep.analyzer.rules.Suggestions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks a {@code lockstep.toml}. Anything it does not understand is an error, never
 * ignored: unknown keys, ids that name no rule, bad severities, incomplete team rules. The
 * first problem (in a fixed order: top-level keys, then team rules, then select, ignore and
 * severity) is thrown as one {@link ConfigException} naming the file, the line and the key.
 * Thread-safe.
 */
public final class ConfigReader {
    /** The file name looked for next to notebooks and in their parent folders. */
    public static final String FILE_NAME = "lockstep.toml";

    private static final TomlMapper MAPPER = new TomlMapper();
    private static final List<String> TOP_LEVEL_KEYS = List.of("select", "ignore", "severity", "rules", "io");
    private static final List<String> CUSTOM_RULE_KEYS =
            List.of("id", "name", "severity", "call", "require-keyword", "forbid", "message");
    private static final Pattern CUSTOM_ID = Pattern.compile("[A-Z]+[0-9]+");
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String BUILT_IN_PREFIX = "LS";

    public LockstepConfig read(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw ConfigException.file(file, "is a folder, not a configuration file");
            }
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark some Windows editors write
            }
        } catch (NoSuchFileException e) {
            throw ConfigException.file(file, "no such file");
        } catch (CharacterCodingException e) {
            throw ConfigException.file(file, "is not UTF-8 text");
        } catch (IOException e) {
            throw ConfigException.file(file, "cannot be read: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Checks the text of a configuration file; {@code file} is only named in messages. */
    public LockstepConfig parse(Path file, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (TomlStreamReadException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
            throw ConfigException.at(file, line, null, "invalid TOML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ConfigException.file(file, "invalid TOML: " + e.getMessage());
        }
        return new Checker(file, text, root).config();
    }

    /** One file's check: the tree, the lines of its keys, and the error factory. */
    private static final class Checker {
        private final Path file;
        private final TomlKeyLines lines;
        private final JsonNode root;
        private final List<RuleMetadata> builtIn = new ArrayList<>();

        Checker(Path file, String text, JsonNode root) {
            this.file = file;
            this.lines = TomlKeyLines.of(text);
            this.root = root;
            for (Rule rule : BuiltInRules.all()) {
                builtIn.add(rule.metadata());
            }
        }

        LockstepConfig config() {
            if (root == null || root.isMissingNode() || root.isNull()) {
                return new LockstepConfig(file, null, List.of(), Map.of(), List.of());
            }
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!TOP_LEVEL_KEYS.contains(name)) {
                    throw error(KeyPath.ROOT.key(name), "unknown key" + Suggestions.didYouMean(name, TOP_LEVEL_KEYS)
                            + "; lockstep.toml has select, ignore, [severity], [[rules.custom]] and [[io]]");
                }
            }
            List<CustomCallRule> custom = customRules(root.get("rules"));
            List<RuleMetadata> known = new ArrayList<>(builtIn);
            custom.forEach(rule -> known.add(rule.metadata()));
            List<String> select = root.has("select") ? selectors("select", known) : null;
            List<String> ignore = root.has("ignore") ? selectors("ignore", known) : List.of();
            Map<String, Severity> severity = severity(known);
            return new LockstepConfig(file, select, ignore, severity, custom, io());
        }

        /** {@code [[io]]}: the team's own I/O APIs, in the catalogue's form (call or method, access, path...). */
        private List<dev.lockstep.analyzer.facts.io.IoApi> io() {
            JsonNode node = root.get("io");
            if (node == null) {
                return List.of();
            }
            KeyPath path = KeyPath.ROOT.key("io");
            if (!node.isArray()) {
                throw error(path, "expected [[io]] tables, as in [[io]] call = \"mylib.save_artifact\", access = \"write\", "
                        + "path = { position = 1 }, found " + describe(node));
            }
            List<dev.lockstep.analyzer.facts.io.IoApi> apis = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                try {
                    apis.add(dev.lockstep.analyzer.facts.io.IoCatalogue.parse(node.get(i)));
                } catch (IllegalArgumentException e) {
                    throw error(path, "entry " + (i + 1) + ": " + e.getMessage()
                            + " (access is one of read, write, list, download, hub_load, hub_push, mkdir, delete;"
                            + " shape one of file, folder, pattern)");
                }
            }
            return List.copyOf(apis);
        }

        private List<String> selectors(String key, List<RuleMetadata> known) {
            KeyPath path = KeyPath.ROOT.key(key);
            JsonNode node = root.get(key);
            if (!node.isArray()) {
                throw error(path, "expected an array of rule ids or family prefixes, as in " + key
                        + " = [\"LS1\", \"LS201\"], found " + describe(node));
            }
            List<String> selectors = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                KeyPath at = path.index(i);
                if (!element.isTextual()) {
                    throw error(at, "expected a rule id or family prefix in quotes, found " + describe(element));
                }
                String selector = element.asText().strip();
                requireRule(at, selector, known);
                selectors.add(selector);
            }
            return selectors;
        }

        private Map<String, Severity> severity(List<RuleMetadata> known) {
            JsonNode node = root.get("severity");
            KeyPath path = KeyPath.ROOT.key("severity");
            if (node == null) {
                return Map.of();
            }
            if (!node.isObject()) {
                throw error(path, "expected a table of rule id = \"severity\", as in [severity] LS206 = \"error\", found "
                        + describe(node));
            }
            Map<String, Severity> severity = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                KeyPath at = path.key(field.getKey());
                requireRule(at, field.getKey(), known);
                severity.put(field.getKey(), severityValue(at, field.getValue()));
            }
            return severity;
        }

        private List<CustomCallRule> customRules(JsonNode rules) {
            if (rules == null) {
                return List.of();
            }
            KeyPath path = KeyPath.ROOT.key("rules");
            if (!rules.isObject()) {
                throw error(path, "expected a table holding [[rules.custom]] entries, found " + describe(rules));
            }
            for (Iterator<String> names = rules.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("custom")) {
                    throw error(path.key(name), "unknown key" + Suggestions.didYouMean(name, List.of("custom"))
                            + "; team rules go under [[rules.custom]]");
                }
            }
            JsonNode custom = rules.get("custom");
            if (custom == null) {
                return List.of();
            }
            KeyPath customPath = path.key("custom");
            if (!custom.isArray()) {
                throw error(customPath, "expected an array of tables: give each team rule its own [[rules.custom]] header");
            }
            List<CustomCallRule> result = new ArrayList<>();
            Map<String, KeyPath> ids = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (RuleMetadata rule : builtIn) {
                names.put(rule.name(), rule.id());
            }
            for (int i = 0; i < custom.size(); i++) {
                result.add(customRule(custom.get(i), customPath.index(i), ids, names));
            }
            return result;
        }

        private CustomCallRule customRule(JsonNode entry, KeyPath path, Map<String, KeyPath> ids, Map<String, String> names) {
            if (!entry.isObject()) {
                throw error(path, "expected a table (a [[rules.custom]] header and its keys), found " + describe(entry));
            }
            for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!CUSTOM_RULE_KEYS.contains(key)) {
                    throw error(path.key(key), "unknown key" + Suggestions.didYouMean(key, CUSTOM_RULE_KEYS)
                            + "; a team rule has id, name, severity, call, require-keyword or forbid, and message");
                }
            }
            String id = requiredString(entry, path, "id");
            if (!CUSTOM_ID.matcher(id).matches()) {
                throw error(path.key("id"), "'" + id + "' is not a team rule id: use capital letters then digits, as in ACME001");
            }
            RuleMetadata clash = builtIn.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            if (clash != null) {
                throw error(path.key("id"), "'" + id + "' is the built-in rule " + clash.name()
                        + ": give the team rule an id of its own, as in ACME001");
            }
            if (id.startsWith(BUILT_IN_PREFIX)) {
                throw error(path.key("id"), "ids starting with " + BUILT_IN_PREFIX
                        + " are kept for Lockstep's own rules: use the team's prefix, as in ACME001");
            }
            KeyPath first = ids.putIfAbsent(id, path);
            if (first != null) {
                throw error(path.key("id"), "'" + id + "' is already the id of " + first + " (line "
                        + lines.lineOf(first) + ")");
            }
            String name = requiredString(entry, path, "name");
            if (!KEBAB_CASE.matcher(name).matches()) {
                throw error(path.key("name"), "'" + name + "' is not a kebab-case name, as in table-needs-snapshot");
            }
            String taken = names.putIfAbsent(name, id);
            if (taken != null) {
                throw error(path.key("name"), "the name '" + name + "' is already taken by " + taken);
            }
            Severity severity = entry.has("severity") ? severityValue(path.key("severity"), entry.get("severity"))
                    : Severity.WARNING;
            String call = requiredString(entry, path, "call");
            if (!QUALIFIED_NAME.matcher(call).matches()) {
                throw error(path.key("call"), "'" + call + "' is not a qualified name: write the module path, as in "
                        + "ourlib.data.load_table");
            }
            String message = requiredString(entry, path, "message");
            boolean forbid = false;
            if (entry.has("forbid")) {
                JsonNode value = entry.get("forbid");
                if (!value.isBoolean()) {
                    throw error(path.key("forbid"), "expected true or false, found " + describe(value));
                }
                forbid = value.booleanValue();
            }
            String keyword = null;
            if (entry.has("require-keyword")) {
                keyword = requiredString(entry, path, "require-keyword");
                if (!IDENTIFIER.matcher(keyword).matches()) {
                    throw error(path.key("require-keyword"), "'" + keyword + "' is not a keyword argument name");
                }
            }
            if (forbid && keyword != null) {
                throw error(path.key("forbid"), "a team rule either forbids the call or requires a keyword, not both");
            }
            if (!forbid && keyword == null) {
                throw error(path, "missing key 'require-keyword' (or forbid = true): say what the rule checks");
            }
            return new CustomCallRule(id, name, severity, call, keyword, message, file);
        }

        private String requiredString(JsonNode entry, KeyPath path, String key) {
            JsonNode value = entry.get(key);
            if (value == null) {
                throw error(path, "missing key '" + key + "'");
            }
            if (!value.isTextual()) {
                throw error(path.key(key), "expected a string, found " + describe(value));
            }
            String text = value.asText().strip();
            if (text.isEmpty()) {
                throw error(path.key(key), "must not be empty");
            }
            return text;
        }

        private Severity severityValue(KeyPath at, JsonNode value) {
            if (!value.isTextual()) {
                throw error(at, "expected \"info\", \"warning\" or \"error\", found " + describe(value));
            }
            try {
                return Severity.parse(value.asText());
            } catch (IllegalArgumentException e) {
                throw error(at, e.getMessage());
            }
        }

        private void requireRule(KeyPath at, String selector, List<RuleMetadata> known) {
            if (selector.isEmpty()) {
                throw error(at, "an empty rule id");
            }
            if (!LockstepConfig.selectsAny(selector, known)) {
                throw error(at, "no rule has the id '" + selector + "'"
                        + Suggestions.didYouMean(selector, known.stream().map(RuleMetadata::id).toList()));
            }
        }

        private ConfigException error(KeyPath path, String problem) {
            return ConfigException.at(file, lines.lineOf(path), path.display(), problem);
        }

        private static String describe(JsonNode node) {
            if (node.isTextual()) {
                return "the string \"" + node.asText() + "\"";
            }
            if (node.isBoolean()) {
                return "the boolean " + node.asText();
            }
            if (node.isNumber()) {
                return "the number " + node.asText();
            }
            if (node.isArray()) {
                return "an array";
            }
            if (node.isObject()) {
                return "a table";
            }
            return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
