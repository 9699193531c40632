package dev.lockstep.runtime.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.jobformat.hash.Sha256;
import dev.lockstep.runtime.record.AtomicFiles;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.runtime.record.RunRecord;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code runs/<run-id>/provenance.json} for a run that succeeded: an in-toto Statement v1
 * whose subjects are the run's outputs by sha256 and whose predicate is SLSA Provenance v1. A
 * registry that stores the weights can store this file beside them: it is the reproduction
 * contract in a format other tools read (docs/containers.md, "Provenance").
 *
 * <p>Everything comes from the run record, plus the job's {@code lockstep.lock} when there is one
 * (pinned packages, Hub revisions, base image) and {@code LOCKSTEP_IMAGE} when the caller names
 * the image the run is in (a container cannot know its own digest; {@code lockstep export}
 * sets it). The same run on the same machine gives the same bytes except
 * {@code runDetails.metadata} (run id, start, end).
 */
public final class ProvenanceWriter {

  public static final String FILE_NAME = "provenance.json";
  public static final String BUILD_TYPE = "https://lockstep.dev/provenance/job-run/v1";
  public static final String BUILDER_ID = "https://lockstep.dev/runtime";
  public static final String IMAGE_VARIABLE = "LOCKSTEP_IMAGE";
  static final String LOCK_FILE = "lockstep.lock";

  private ProvenanceWriter() {}

  /** Writes the statement beside the record; call only for a run that succeeded. */
  public static Path write(Path jobDirectory, Path runDirectory, RunRecord record, Map<String, String> callerEnvironment)
      throws IOException {
    Path file = runDirectory.resolve(FILE_NAME);
    AtomicFiles.write(file, CanonicalJson.write(statement(jobDirectory, record, callerEnvironment)));
    return file;
  }

  static Statement statement(Path jobDirectory, RunRecord record, Map<String, String> callerEnvironment) throws IOException {
    List<Statement.ResourceDescriptor> subjects = new ArrayList<>();
    record.outputs().forEach((name, output) -> {
      if (output.sha256() != null) {
        subjects.add(new Statement.ResourceDescriptor(output.path(), null, Map.of("sha256", output.sha256()),
            Map.of("output", name)));
      }
    });
    subjects.sort(Comparator.comparing(Statement.ResourceDescriptor::name));

    Map<String, Object> external = new TreeMap<>();
    external.put("job", record.job());
    external.put("params", record.params());
    external.put("seed", record.seed());
    Map<String, Object> internal = new TreeMap<>();
    internal.put("environment", record.environment());
    internal.put("hardware", record.hardware());

    Path lockFile = jobDirectory.resolve(LOCK_FILE);
    JsonNode lock = Files.isRegularFile(lockFile) ? CanonicalJson.mapper().readTree(lockFile.toFile()) : null;
    List<Statement.ResourceDescriptor> dependencies = new ArrayList<>();
    dependencies.add(new Statement.ResourceDescriptor("job", null, Map.of("sha256", record.job().sha256()),
        Map.of("manifest", "sha256 of lockstep.yaml and pipeline/ (docs/job-format.md, job hash)")));
    record.inputs().forEach((name, input) -> dependencies.add(new Statement.ResourceDescriptor("input:" + name, null,
        Map.of("sha256", input.sha256()), annotations("path", input.path(), "boundBy", input.boundBy()))));
    dependencies.add(new Statement.ResourceDescriptor("python", "pkg:generic/python@" + record.python().version(), null,
        annotations("executable", record.python().executable())));
    if (lock != null) {
      dependencies.add(new Statement.ResourceDescriptor(LOCK_FILE, null,
          Map.of("sha256", Sha256.ofFile(lockFile).sha256()), null));
      for (JsonNode pkg : lock.path("packages")) {
        dependencies.add(pypi(pkg.path("name").asText(), pkg.path("version").asText()));
      }
      for (JsonNode pin : lock.path("hub")) {
        String revision = pin.path("revision").isTextual() ? pin.path("revision").asText() : null;
        String kind = pin.path("kind").asText();
        dependencies.add(new Statement.ResourceDescriptor("hf:" + kind + ":" + pin.path("id").asText(),
            "pkg:huggingface/" + encodeName(pin.path("id").asText()) + (revision == null ? "" : "@" + revision)
                + (kind.equals("dataset") ? "?repository_type=dataset" : ""),
            revision == null ? null : Map.of("gitCommit", revision),
            annotations("requested", pin.path("requested").asText(), "pinned", Boolean.toString(revision != null))));
      }
      String base = lock.path("image").path("base").asText(null);
      if (base != null) {
        dependencies.add(image("base-image", base));
      }
    } else {
      record.python().modules().values().stream()
          .filter(module -> module.distribution() != null && module.version() != null)
          .map(module -> pypi(module.distribution(), module.version()))
          .distinct()
          .forEach(dependencies::add);
    }
    String image = callerEnvironment.get(IMAGE_VARIABLE);
    if (image != null && !image.isBlank()) {
      dependencies.add(image("image", image.strip()));
    }

    Statement.BuildDefinition definition = new Statement.BuildDefinition(BUILD_TYPE, external, internal, dependencies);
    Statement.RunDetails details = new Statement.RunDetails(
        new Statement.Builder(BUILDER_ID, Map.of("lockstep-runtime", runtimeVersion())),
        new Statement.Metadata(record.runId(), record.timing().startedAt(), record.timing().finishedAt()));
    return new Statement(Statement.TYPE, subjects, Statement.SLSA_PROVENANCE_V1, new Statement.Provenance(definition, details));
  }

  /** An image reference with its digest as the descriptor's digest when it names one. */
  private static Statement.ResourceDescriptor image(String name, String reference) {
    int at = reference.indexOf("@sha256:");
    Map<String, String> digest = at < 0 ? null : Map.of("sha256", reference.substring(at + "@sha256:".length()));
    return new Statement.ResourceDescriptor(name, "oci://" + reference, digest, null);
  }

  private static Statement.ResourceDescriptor pypi(String distribution, String version) {
    // purl's pypi type: lowercase, '_' as '-'
    String name = distribution.toLowerCase(Locale.ROOT).replace('_', '-');
    return new Statement.ResourceDescriptor(distribution, "pkg:pypi/" + encodeName(name) + "@" + encodeName(version), null, null);
  }

  private static String encodeName(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
  }

  private static Map<String, Object> annotations(String... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map.isEmpty() ? null : map;
  }

  /** The version Maven recorded in the runtime jar (pom.properties); "dev" when run from classes. */
  private static String runtimeVersion() {
    try (var in = ProvenanceWriter.class.getResourceAsStream("/META-INF/maven/dev.lockstep/lockstep-runtime/pom.properties")) {
      if (in != null) {
        java.util.Properties properties = new java.util.Properties();
        properties.load(in);
        return properties.getProperty("version", "dev");
      }
    } catch (IOException e) {
      // fall through
    }
    return "dev";
  }
}
