package dev.lockstep.jobformat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates lockstep.yaml (version 1, docs/job-format.md). Every invalid field is
 * reported with its key and line, unknown keys included, and all problems come back at once.
 */
public final class JobSpecLoader {

  // The seed feeds numpy's legacy seeding, which takes [0, 2**32 - 1].
  private static final long MAX_SEED = 4_294_967_295L;

  private static final List<String> TOP_LEVEL_KEYS =
      List.of("version", "source", "seed", "params", "inputs", "outputs", "environment", "secrets", "hardware", "python",
          "log", "image"); // image: read by lockstep build (packaging module), not by the runtime

  /** Loads {@code jobDirectory/lockstep.yaml}. */
  public JobSpec load(Path jobDirectory) throws InvalidJobSpecException {
    Path file = jobDirectory.resolve(JobLayout.CONFIG);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidJobSpecException(List.of(new SpecProblem(JobLayout.CONFIG, 1, "",
          "not found in " + jobDirectory + " (is this a job directory written by lockstep extract?)")));
    } catch (IOException e) {
      throw new InvalidJobSpecException(List.of(new SpecProblem(JobLayout.CONFIG, 1, "", "cannot read: " + e)));
    }
    return parse(text);
  }

  /** Parses lockstep.yaml text; problems are labelled lockstep.yaml. */
  public JobSpec parse(String yaml) throws InvalidJobSpecException {
    YamlNode root = new YamlTreeReader(JobLayout.CONFIG).read(yaml);
    SpecProblems problems = new SpecProblems(JobLayout.CONFIG);
    JobSpec spec = new Reading(new SpecFields(problems)).job(root);
    problems.throwIfAny();
    return spec;
  }

  /** One pass over the tree; each section method reports its own problems. */
  private static final class Reading {
    private final SpecFields fields;

    Reading(SpecFields fields) {
      this.fields = fields;
    }

    JobSpec job(YamlNode root) {
      YamlNode.Mapping top = fields.mapping(root, "");
      if (top == null) {
        return null;
      }
      fields.rejectUnknownKeys(top, "", TOP_LEVEL_KEYS);
      Long version = versionOf(top);
      Long seed = seedOf(top);
      Optional<SourceSpec> source = optional(top, "source").map(this::source);
      Map<String, ParamValue> params = optional(top, "params").map(this::params).orElse(Map.of());
      Map<String, InputSpec> inputs = optional(top, "inputs").map(this::inputs).orElse(Map.of());
      Map<String, OutputSpec> outputs = optional(top, "outputs").map(this::outputs).orElse(Map.of());
      Map<String, String> environment = optional(top, "environment").map(this::environment).orElse(Map.of());
      List<String> secrets = optional(top, "secrets").map(node -> secrets(node, environment)).orElse(List.of());
      Optional<HardwareSpec> hardware = optional(top, "hardware").map(this::hardware);
      List<String> imports = optional(top, "python").map(this::pythonImports).orElse(List.of());
      LogSpec log = optional(top, "log").map(this::log).orElse(LogSpec.DEFAULT);
      if (fields.hasProblems()) {
        return null; // a section that reported a problem may have left a value out; the caller throws
      }
      return new JobSpec(version.intValue(), source, seed, params, inputs, outputs, environment, secrets, hardware, imports, log);
    }

    private static Optional<YamlNode> optional(YamlNode.Mapping mapping, String key) {
      return Optional.ofNullable(mapping.get(key));
    }

    private Long versionOf(YamlNode.Mapping top) {
      YamlNode node = fields.required(top, "", "version");
      Long version = node == null ? null : fields.integer(node, "version");
      if (version != null && version != 1) {
        fields.problem(node.line(), "version", "unsupported version " + version + "; this runtime reads version 1");
        return null;
      }
      return version;
    }

    private Long seedOf(YamlNode.Mapping top) {
      YamlNode node = fields.required(top, "", "seed");
      Long seed = node == null ? null : fields.integer(node, "seed");
      if (seed != null && (seed < 0 || seed > MAX_SEED)) {
        fields.problem(node.line(), "seed", "must be between 0 and " + MAX_SEED + " (numpy's seed range), got " + seed);
        return null;
      }
      return seed;
    }

    private SourceSpec source(YamlNode node) {
      YamlNode.Mapping mapping = fields.mapping(node, "source");
      if (mapping == null) {
        return null;
      }
      fields.rejectUnknownKeys(mapping, "source", List.of("notebook", "sha256"));
      YamlNode notebookNode = fields.required(mapping, "source", "notebook");
      YamlNode shaNode = fields.required(mapping, "source", "sha256");
      String notebook = notebookNode == null ? null : fields.string(notebookNode, "source.notebook");
      String sha = shaNode == null ? null : sha256(shaNode, "source.sha256", false);
      return notebook == null || sha == null ? null : new SourceSpec(notebook, sha);
    }

    private Map<String, ParamValue> params(YamlNode node) {
      YamlNode.Mapping mapping = fields.mapping(node, "params");
      if (mapping == null) {
        return Map.of();
      }
      Map<String, ParamValue> params = new LinkedHashMap<>();
      for (YamlNode.Entry entry : mapping.entries()) {
        String key = "params." + entry.key().name();
        if (!fields.checkName(entry.key().name(), SpecFields.IDENTIFIER, entry.key().line(), key, "a Python identifier")) {
          continue;
        }
        ParamValue value = paramValue(entry.value(), key);
        if (value != null) {
          params.put(entry.key().name(), value);
        }
      }
      return params;
    }

    private ParamValue paramValue(YamlNode node, String key) {
      if (node instanceof YamlNode.Scalar scalar) {
        switch (scalar.kind()) {
          case INTEGER:
            if (scalar.value() instanceof BigInteger) {
              fields.problem(node.line(), key, "integer " + scalar.text() + " is out of range (64-bit)");
              return null;
            }
            return new ParamValue(ParamType.INT, scalar.value());
          case FLOAT:
            double value = (Double) scalar.value();
            if (!Double.isFinite(value)) {
              fields.problem(node.line(), key, "expected a finite float, got " + scalar.text());
              return null;
            }
            return new ParamValue(ParamType.FLOAT, value);
          case BOOLEAN:
            return new ParamValue(ParamType.BOOL, scalar.value());
          case STRING:
            return new ParamValue(ParamType.STRING, scalar.text());
          default:
            break;
        }
      }
      fields.expected(node, key, "a scalar (integer, float, boolean or string)");
      return null;
    }

    private Map<String, InputSpec> inputs(YamlNode node) {
      YamlNode.Mapping mapping = fields.mapping(node, "inputs");
      if (mapping == null) {
        return Map.of();
      }
      Map<String, InputSpec> inputs = new LinkedHashMap<>();
      for (YamlNode.Entry entry : mapping.entries()) {
        String name = entry.key().name();
        String key = "inputs." + name;
        boolean nameValid = fields.checkName(name, SpecFields.IDENTIFIER, entry.key().line(), key, "a Python identifier");
        YamlNode.Mapping input = fields.mapping(entry.value(), key);
        if (input == null) {
          continue;
        }
        fields.rejectUnknownKeys(input, key, List.of("path", "kind", "sha256"));
        YamlNode pathNode = fields.required(input, key, "path");
        String path = pathNode == null ? null : nonEmptyString(pathNode, key + ".path");
        YamlNode shaNode = input.get("sha256");
        if (shaNode == null) {
          fields.problem(input.line(), key + ".sha256",
              "required key is missing (write \"sha256: ~\" for an input bound at run time with --input " + name + "=PATH)");
        }
        String sha = shaNode == null ? null : sha256(shaNode, key + ".sha256", true);
        Optional<PathKind> kind = input.has("kind") ? Optional.ofNullable(kind(input.get("kind"), key + ".kind")) : Optional.empty();
        if (nameValid && path != null) {
          inputs.put(name, new InputSpec(name, path, kind, Optional.ofNullable(sha))); // an invalid sha or kind was reported
        }
      }
      return inputs;
    }

    private Map<String, OutputSpec> outputs(YamlNode node) {
      YamlNode.Mapping mapping = fields.mapping(node, "outputs");
      if (mapping == null) {
        return Map.of();
      }
      Map<String, OutputSpec> outputs = new LinkedHashMap<>();
      Map<String, String> ownerByPath = new HashMap<>();
      for (YamlNode.Entry entry : mapping.entries()) {
        String name = entry.key().name();
        String key = "outputs." + name;
        boolean nameValid = fields.checkName(name, SpecFields.IDENTIFIER, entry.key().line(), key, "a Python identifier");
        YamlNode.Mapping output = fields.mapping(entry.value(), key);
        if (output == null) {
          continue;
        }
        fields.rejectUnknownKeys(output, key, List.of("path", "kind", "compare"));
        YamlNode pathNode = fields.required(output, key, "path");
        String path = pathNode == null ? null : outputPath(pathNode, key + ".path");
        if (path != null && ownerByPath.containsKey(path)) {
          fields.problem(pathNode.line(), key + ".path", "same path as outputs." + ownerByPath.get(path) + ": " + path);
          path = null;
        }
        PathKind kind = output.has("kind") ? kind(output.get("kind"), key + ".kind") : PathKind.FILE;
        ComparePolicy compare = output.has("compare") ? compare(output.get("compare"), key + ".compare") : new ComparePolicy.Bytes();
        // In a folder, a tolerance applies to the files verify reads numerically and the rest are compared as bytes.
        if (compare instanceof ComparePolicy.Tolerance && path != null && kind == PathKind.FILE
            && !ComparePolicy.Tolerance.readsNumerically(path)) {
          fields.problem(output.get("compare").line(), key + ".compare", "a tolerance needs a "
              + String.join(", ", ComparePolicy.Tolerance.NUMERIC_EXTENSIONS) + " file, got " + path + "; use compare: bytes");
        }
        if (!nameValid || path == null || compare == null || kind == null) {
          continue;
        }
        ownerByPath.put(path, name);
        outputs.put(name, new OutputSpec(name, path, kind, compare));
      }
      return outputs;
    }

    /** Relative, inside the run directory, and not one of the runtime's own files. */
    private String outputPath(YamlNode node, String key) {
      String text = nonEmptyString(node, key);
      if (text == null) {
        return null;
      }
      String slashed = text.replace('\\', '/');
      if (slashed.startsWith("/") || slashed.matches("[A-Za-z]:.*")) {
        fields.problem(node.line(), key, "must be relative (outputs are written under runs/<run-id>/), got " + text);
        return null;
      }
      String normalized = Path.of(slashed).normalize().toString().replace('\\', '/');
      if (normalized.isEmpty() || normalized.equals("..") || normalized.startsWith("../")) {
        fields.problem(node.line(), key, "must stay inside the run directory, got " + text);
        return null;
      }
      if (JobLayout.RUN_FILES.contains(normalized)) {
        fields.problem(node.line(), key, normalized + " is written by the runtime itself; choose another path");
        return null;
      }
      return normalized;
    }

    private PathKind kind(YamlNode node, String key) {
      String text = fields.string(node, key);
      if (text == null) {
        return null;
      }
      Optional<PathKind> kind = PathKind.fromYaml(text);
      if (kind.isEmpty()) {
        fields.problem(node.line(), key, "expected file or folder, got \"" + text + "\"");
      }
      return kind.orElse(null);
    }

    private ComparePolicy compare(YamlNode node, String key) {
      if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.STRING
          && scalar.text().equals("bytes")) {
        return new ComparePolicy.Bytes();
      }
      if (!(node instanceof YamlNode.Mapping mapping)) {
        fields.expected(node, key, "\"bytes\" or {atol, rtol}");
        return null;
      }
      fields.rejectUnknownKeys(mapping, key, List.of("atol", "rtol"));
      if (!mapping.has("atol") && !mapping.has("rtol")) {
        fields.problem(mapping.line(), key, "give atol, rtol or both (an omitted one is 0)");
        return null;
      }
      Double atol = mapping.has("atol") ? nonNegative(mapping.get("atol"), key + ".atol") : Double.valueOf(0);
      Double rtol = mapping.has("rtol") ? nonNegative(mapping.get("rtol"), key + ".rtol") : Double.valueOf(0);
      return atol == null || rtol == null ? null : new ComparePolicy.Tolerance(atol, rtol);
    }

    private Double nonNegative(YamlNode node, String key) {
      Double value = fields.number(node, key);
      if (value != null && value < 0) {
        fields.problem(node.line(), key, "must be >= 0, got " + value);
        return null;
      }
      return value;
    }

    private Map<String, String> environment(YamlNode node) {
      YamlNode.Mapping mapping = fields.mapping(node, "environment");
      if (mapping == null) {
        return Map.of();
      }
      Map<String, String> environment = new LinkedHashMap<>();
      for (YamlNode.Entry entry : mapping.entries()) {
        String name = entry.key().name();
        String key = "environment." + name;
        boolean nameValid = fields.checkName(name, SpecFields.ENVIRONMENT_NAME, entry.key().line(), key,
            "an environment variable name");
        if (name.equals(JobLayout.CONFIG_VARIABLE)) {
          fields.problem(entry.key().line(), key, "is set by the runtime to the run's config.json; remove it");
          nameValid = false;
        }
        String value = fields.string(entry.value(), key);
        if (value != null && name.equals("PYTHONHASHSEED") && !isHashSeed(value)) {
          fields.problem(entry.value().line(), key,
              "must be \"random\" or an integer from 0 to 4294967295 (Python's rule), got \"" + value + "\"");
          value = null;
        }
        if (!nameValid || value == null) {
          continue;
        }
        environment.put(name, value);
      }
      return environment;
    }

    private static boolean isHashSeed(String value) {
      if (value.equals("random")) {
        return true;
      }
      if (!value.matches("\\d{1,10}")) {
        return false;
      }
      return Long.parseLong(value) <= MAX_SEED;
    }

    private List<String> secrets(YamlNode node, Map<String, String> environment) {
      List<String> names = nameList(node, "secrets", SpecFields.ENVIRONMENT_NAME, "an environment variable name");
      for (String name : names) {
        int line = lineOfItem((YamlNode.Sequence) node, name);
        if (name.equals(JobLayout.CONFIG_VARIABLE)) {
          fields.problem(line, "secrets", JobLayout.CONFIG_VARIABLE + " is set by the runtime, not a secret");
        } else if (environment.containsKey(name)) {
          fields.problem(line, "secrets", name + " is also in environment; a secret's value must come from the caller only");
        }
      }
      return names;
    }

    private static int lineOfItem(YamlNode.Sequence sequence, String text) {
      return sequence.items().stream()
          .filter(item -> item instanceof YamlNode.Scalar scalar && scalar.text().equals(text))
          .mapToInt(YamlNode::line)
          .findFirst()
          .orElse(sequence.line());
    }

    private HardwareSpec hardware(YamlNode node) {
      YamlNode.Mapping mapping = fields.mapping(node, "hardware");
      if (mapping == null) {
        return null;
      }
      fields.rejectUnknownKeys(mapping, "hardware", List.of("accelerator", "count"));
      YamlNode acceleratorNode = fields.required(mapping, "hardware", "accelerator");
      YamlNode countNode = fields.required(mapping, "hardware", "count");
      String acceleratorText = acceleratorNode == null ? null : fields.string(acceleratorNode, "hardware.accelerator");
      HardwareSpec.Accelerator accelerator = null;
      if (acceleratorText != null) {
        try {
          accelerator = HardwareSpec.Accelerator.valueOf(acceleratorText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          fields.problem(acceleratorNode.line(), "hardware.accelerator", "expected cpu or cuda, got \"" + acceleratorText + "\"");
        }
      }
      Long count = countNode == null ? null : fields.integer(countNode, "hardware.count");
      if (count != null && (count < 0 || count > Integer.MAX_VALUE)) {
        fields.problem(countNode.line(), "hardware.count", "must be >= 0, got " + count);
        return null;
      }
      if (accelerator == HardwareSpec.Accelerator.CPU && count != null && count != 0) {
        fields.problem(countNode.line(), "hardware.count", "must be 0 when the accelerator is cpu, got " + count);
        return null;
      }
      return accelerator == null || count == null ? null : new HardwareSpec(accelerator, count.intValue());
    }

    private LogSpec log(YamlNode node) {
      YamlNode.Mapping mapping = fields.mapping(node, "log");
      if (mapping == null) {
        return null;
      }
      fields.rejectUnknownKeys(mapping, "log", List.of("must_match"));
      YamlNode mustMatch = mapping.get("must_match");
      if (mustMatch == null) {
        return LogSpec.DEFAULT;
      }
      if (mustMatch instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.ScalarKind.BOOLEAN) {
        return new LogSpec((Boolean) scalar.value());
      }
      fields.expected(mustMatch, "log.must_match", "true or false");
      return null;
    }

    private List<String> pythonImports(YamlNode node) {
      YamlNode.Mapping mapping = fields.mapping(node, "python");
      if (mapping == null) {
        return null;
      }
      fields.rejectUnknownKeys(mapping, "python", List.of("imports"));
      YamlNode imports = mapping.get("imports");
      return imports == null ? List.of() : nameList(imports, "python.imports", SpecFields.MODULE_NAME, "a module name");
    }

    /** A list of unique names, each matching {@code pattern}. */
    private List<String> nameList(YamlNode node, String key, Pattern pattern, String rule) {
      YamlNode.Sequence sequence = fields.sequence(node, key);
      if (sequence == null) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (YamlNode item : sequence.items()) {
        String name = fields.string(item, key);
        if (name == null || !fields.checkName(name, pattern, item.line(), key, rule)) {
          continue;
        }
        if (!seen.add(name)) {
          fields.problem(item.line(), key, name + " is listed twice");
        } else {
          names.add(name);
        }
      }
      return names;
    }

    private String nonEmptyString(YamlNode node, String key) {
      String text = fields.string(node, key);
      if (text != null && text.isBlank()) {
        fields.problem(node.line(), key, "must not be empty");
        return null;
      }
      return text;
    }

    /** 64 hex digits, lowercased; read from the source text so all-digit hashes survive YAML. */
    private String sha256(YamlNode node, String key, boolean nullable) {
      if (node instanceof YamlNode.Scalar scalar) {
        if (scalar.kind() == YamlNode.ScalarKind.NULL) {
          if (!nullable) {
            fields.problem(node.line(), key, "expected a sha256 (64 hex digits), got null");
          }
          return null;
        }
        if (scalar.kind() != YamlNode.ScalarKind.BOOLEAN && SpecFields.SHA256.matcher(scalar.text()).matches()) {
          return scalar.text().toLowerCase(Locale.ROOT);
        }
      }
      fields.expected(node, key, "a sha256 (64 hex digits)" + (nullable ? " or ~" : ""));
      return null;
    }

  }
}
