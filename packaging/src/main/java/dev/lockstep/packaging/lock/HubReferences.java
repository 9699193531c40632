package dev.lockstep.packaging.lock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.packaging.PackagingException;
import dev.lockstep.runtime.record.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The Hub repositories a job loads without a commit pin, read from extraction.json's {@code hub}
 * array: extract writes there every Hub load of the job's cells as the analyzer's facts know it
 * (id, kind, repository, the revision as written and what it names). Loads already at a full
 * commit need no pin; loads whose revision is computed at run time cannot be told which ref to
 * resolve and are left out. The tokenizer and model of one id at one revision are one reference.
 */
public final class HubReferences {

  static final String EXTRACTION = "extraction.json";

  private HubReferences() {}

  public static List<HubReference> read(Path jobDirectory) throws PackagingException {
    Path file = jobDirectory.resolve(EXTRACTION);
    JsonNode root;
    try {
      root = CanonicalJson.mapper().readTree(file.toFile());
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      if (!Files.exists(file)) {
        return List.of();
      }
      throw PackagingException.usage(file + ": not readable JSON: " + e.getMessage());
    }
    JsonNode hub = root.path("hub");
    if (!hub.isArray()) {
      // No silent fallback to the blockers' messages: they lose loads and kinds.
      throw PackagingException.usage(file + " has no \"hub\" array (written by an older lockstep extract): "
          + "run lockstep extract again to record the job's Hub loads");
    }
    TreeSet<HubReference> references = new TreeSet<>();
    for (JsonNode load : hub) {
      String kind = load.path("revision_kind").asText("");
      if (kind.equals("full_commit") || kind.equals("unknown")) {
        continue;
      }
      String id = load.path("id").asText("");
      if (id.isEmpty()) {
        throw PackagingException.usage(file + ": a \"hub\" entry has no id: run lockstep extract again");
      }
      String revision = load.path("revision").isTextual() ? load.path("revision").asText() : "main";
      String repository = load.path("repository").asText("model").equals("dataset") ? "dataset" : "model";
      references.add(new HubReference(repository, id, revision.isBlank() ? "main" : revision));
    }
    return List.copyOf(references);
  }
}
