package dev.lockstep.runtime.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cell's outputs in the shape comparison needs: the stream texts joined per stream (a kernel
 * splits streams into chunks at arbitrary points), the rich results in order with their MIME
 * bundles, and the errors raised.
 */
record CellOutputs(String stdout, String stderr, List<Map<String, String>> rich, List<String> errors) {

  /** MIME types that say nothing about the computation: widget views name a random model id. */
  private static final Set<String> IGNORED_MIME_TYPES = Set.of(
      "application/vnd.jupyter.widget-view+json", "application/vnd.jupyter.widget-state+json");

  static CellOutputs of(JsonNode outputs) {
    StringBuilder stdout = new StringBuilder();
    StringBuilder stderr = new StringBuilder();
    List<Map<String, String>> rich = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (JsonNode output : outputs) {
      switch (output.path("output_type").asText()) {
        case "stream" -> ("stderr".equals(output.path("name").asText()) ? stderr : stdout)
            .append(SavedNotebook.joined(output.path("text")));
        case "error" -> errors.add(output.path("ename").asText() + ": " + output.path("evalue").asText());
        case "execute_result", "display_data" -> {
          Map<String, String> bundle = new LinkedHashMap<>();
          output.path("data").fields().forEachRemaining(entry -> {
            if (!IGNORED_MIME_TYPES.contains(entry.getKey())) {
              JsonNode value = entry.getValue();
              bundle.put(entry.getKey(), value.isTextual() || value.isArray() && !entry.getKey().contains("json")
                  ? SavedNotebook.joined(value) : value.toString());
            }
          });
          if (!bundle.isEmpty()) {
            rich.add(bundle);
          }
        }
        default -> {
          // update_display_data and unknown types carry nothing to compare
        }
      }
    }
    return new CellOutputs(stdout.toString(), stderr.toString(), List.copyOf(rich), List.copyOf(errors));
  }

  boolean isEmpty() {
    return stdout.isEmpty() && stderr.isEmpty() && rich.isEmpty() && errors.isEmpty();
  }
}
