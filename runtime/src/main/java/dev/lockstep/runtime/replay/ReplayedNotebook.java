package dev.lockstep.runtime.replay;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.runtime.record.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;

import java.util.Map;

/**
 * {@code replay --write}: a copy of the notebook with the replay's outputs and execution
 * counts 1..n in the order the cells ran. Everything else (markdown, metadata, cell ids) is
 * kept as it was. Written atomically, with nbformat's usual one-space indent.
 */
public final class ReplayedNotebook {

  private ReplayedNotebook() {}

  /** @throws ReplayException (usage) for an nbformat 3 notebook, which this does not rewrite */
  public static void write(Replayer.Result result, Path target) throws ReplayException {
    SavedNotebook notebook = result.notebook();
    if (notebook.nbformat() != 4) {
      throw ReplayException.usage("--write " + target + ": " + notebook.path()
          + " is an nbformat 3 notebook; convert it first (jupyter nbconvert --to notebook)");
    }
    Map<Integer, Integer> counts = new HashMap<>();
    int next = 1;
    for (NotebookCell cell : result.runOrder()) {
      CellRun run = result.firstRun().cells().get(cell.index());
      if (run != null && run.status() != CellRun.Status.NOT_RUN) {
        counts.put(cell.index(), next++);
      }
    }
    ObjectNode copy = notebook.json().deepCopy();
    ArrayNode cells = (ArrayNode) copy.get("cells");
    for (int index = 0; index < cells.size(); index++) {
      JsonNode node = cells.get(index);
      if (!(node instanceof ObjectNode cell) || !"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      Integer count = counts.get(index);
      CellRun run = result.firstRun().cells().get(index);
      ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
      if (run != null) {
        for (JsonNode output : run.outputs()) {
          ObjectNode o = ((ObjectNode) output).deepCopy();
          if ("execute_result".equals(o.path("output_type").asText())) {
            o.put("execution_count", count);
          }
          if (!o.has("metadata") && !"stream".equals(o.path("output_type").asText())
              && !"error".equals(o.path("output_type").asText())) {
            o.putObject("metadata");
          }
          outputs.add(o);
        }
      }
      if (count == null) {
        cell.putNull("execution_count");
      } else {
        cell.put("execution_count", count);
      }
      cell.set("outputs", outputs);
    }
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("").withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter(" ", "\n"))
        .withArrayIndenter(new DefaultIndenter(" ", "\n"));
    try {
      AtomicFiles.write(target, SavedNotebook.MAPPER.writer(printer).writeValueAsString(copy) + "\n");
    } catch (IOException e) {
      throw ReplayException.usage("--write " + target + ": cannot write: " + e.getMessage());
    }
  }

}
