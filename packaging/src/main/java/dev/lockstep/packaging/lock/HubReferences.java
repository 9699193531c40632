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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hub repositories a job loads without a commit pin, read from extraction.json's blockers.
 *
 * <p>The job format records no Hub ids of its own yet: the only place extract writes them is the
 * LS402 (models, tokenizers, files) and LS403 (datasets) blockers, whose messages quote the id
 * and the revision asked for. This reads those messages; once the facts layer records Hub loads
 * in the job, this class should read that record instead. Loads that already carry a full commit
 * raise no blocker and need no pin.
 */
public final class HubReferences {

  static final String EXTRACTION = "extraction.json";

  // "model 'org/name' has no revision=", "... is loaded at 'v1'", "... uses the short hash 'abc1234'"
  private static final Pattern SUBJECT = Pattern.compile(
      "'([^']+)' (?:has no revision=|is loaded at '([^']+)'|uses the short hash '([^']+)')");

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
    TreeSet<HubReference> references = new TreeSet<>();
    for (JsonNode blocker : root.path("blockers")) {
      String rule = blocker.path("rule").asText("");
      if (!rule.equals("LS402") && !rule.equals("LS403")) {
        continue;
      }
      Matcher matcher = SUBJECT.matcher(blocker.path("message").asText(""));
      if (!matcher.find()) {
        continue; // Kaggle, TFDS, OpenML: not Hub repositories
      }
      String requested = matcher.group(2) != null ? matcher.group(2) : matcher.group(3) != null ? matcher.group(3) : "main";
      references.add(new HubReference(rule.equals("LS403") ? "dataset" : "model", matcher.group(1), requested));
    }
    return List.copyOf(references);
  }
}
