package dev.lockstep.runtime.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A notebook read for replay: its whole JSON (kept to write a replayed copy), its kernel
 * language and its code cells with their saved outputs in nbformat 4 shape (nbformat 3 outputs
 * are converted). The runtime reads notebooks itself because it must stay free of the analyzer,
 * and because replay needs the image payloads analysis skips.
 */
public record SavedNotebook(Path path, ObjectNode json, int nbformat, String language, List<NotebookCell> codeCells) {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  static {
    // Notebooks with embedded images are often over Jackson's default 20 MB string limit.
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
  }

  public SavedNotebook {
    codeCells = List.copyOf(codeCells);
  }

  /** Whether the kernel runs Python (an unrecorded language counts as Python, as Jupyter's default kernel). */
  public boolean isPython() {
    return language == null || language.toLowerCase(Locale.ROOT).startsWith("python");
  }

  /** @throws ReplayException (usage) when the file cannot be read or is not a notebook */
  public static SavedNotebook read(Path path) throws ReplayException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(path));
    } catch (JsonProcessingException e) {
      throw ReplayException.usage(path + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw ReplayException.usage(path + ": cannot be read: " + e.getMessage());
    }
    if (!(root instanceof ObjectNode object)) {
      throw ReplayException.usage(path + ": not a notebook (the top level is not a JSON object)");
    }
    int nbformat = object.path("nbformat").asInt(0);
    if (nbformat != 3 && nbformat != 4) {
      throw ReplayException.usage(path + ": not a notebook Lockstep can replay (nbformat "
          + (object.has("nbformat") ? object.get("nbformat").toString() : "missing") + "; expected 3 or 4)");
    }
    JsonNode metadata = object.path("metadata");
    String language = text(metadata.path("language_info").path("name"));
    if (language == null) {
      language = text(metadata.path("kernelspec").path("language"));
    }
    List<NotebookCell> cells = new ArrayList<>();
    JsonNode cellArray = nbformat == 4 ? object.path("cells") : object.path("worksheets").path(0).path("cells");
    if (!cellArray.isArray()) {
      throw ReplayException.usage(path + ": not a notebook (no cells list)");
    }
    int index = 0;
    for (JsonNode cell : cellArray) {
      if ("code".equals(cell.path("cell_type").asText())) {
        JsonNode count = cell.path(nbformat == 4 ? "execution_count" : "prompt_number");
        ArrayNode outputs = nbformat == 4 ? normalizedV4(cell.path("outputs")) : fromV3(cell.path("outputs"));
        cells.add(new NotebookCell(index, joined(cell.path(nbformat == 4 ? "source" : "input")),
            count.isIntegralNumber() ? count.asInt() : null, outputs));
      }
      index++;
    }
    return new SavedNotebook(path, object, nbformat, language, cells);
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }

  /** nbformat's multiline strings: a string or a list of strings joined as they are. */
  static String joined(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isArray()) {
      StringBuilder text = new StringBuilder();
      node.forEach(part -> text.append(part.asText()));
      return text.toString();
    }
    return "";
  }

  /** Outputs with every multiline string joined, so comparison sees one shape. */
  private static ArrayNode normalizedV4(JsonNode outputs) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    if (!outputs.isArray()) {
      return result;
    }
    for (JsonNode output : outputs) {
      ObjectNode copy = output.isObject() ? ((ObjectNode) output).deepCopy() : JsonNodeFactory.instance.objectNode();
      if (copy.has("text")) {
        copy.put("text", joined(copy.get("text")));
      }
      if (copy.path("data").isObject()) {
        ObjectNode data = (ObjectNode) copy.get("data");
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        List<String> names = new ArrayList<>();
        fields.forEachRemaining(e -> names.add(e.getKey()));
        for (String name : names) {
          JsonNode value = data.get(name);
          if (value.isTextual() || value.isArray() && !name.contains("json")) {
            data.put(name, joined(value));
          }
        }
      }
      result.add(copy);
    }
    return result;
  }

  private static final Map<String, String> V3_MIME = Map.of(
      "text", "text/plain", "html", "text/html", "png", "image/png", "jpeg", "image/jpeg",
      "svg", "image/svg+xml", "latex", "text/latex", "javascript", "application/javascript", "json", "application/json");

  private static ArrayNode fromV3(JsonNode outputs) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    if (!outputs.isArray()) {
      return result;
    }
    for (JsonNode output : outputs) {
      String type = output.path("output_type").asText();
      ObjectNode converted = result.addObject();
      switch (type) {
        case "stream" -> {
          converted.put("output_type", "stream");
          converted.put("name", output.path("stream").asText("stdout"));
          converted.put("text", joined(output.path("text")));
        }
        case "pyerr" -> {
          converted.put("output_type", "error");
          converted.put("ename", output.path("ename").asText());
          converted.put("evalue", output.path("evalue").asText());
          converted.set("traceback", output.path("traceback").isArray() ? output.get("traceback") : JsonNodeFactory.instance.arrayNode());
        }
        default -> {
          converted.put("output_type", type.equals("pyout") ? "execute_result" : "display_data");
          ObjectNode data = converted.putObject("data");
          V3_MIME.forEach((key, mime) -> {
            if (output.has(key)) {
              data.put(mime, joined(output.get(key)));
            }
          });
          if (type.equals("pyout") && output.path("prompt_number").isIntegralNumber()) {
            converted.put("execution_count", output.get("prompt_number").asInt());
          }
        }
      }
    }
    return result;
  }
}
