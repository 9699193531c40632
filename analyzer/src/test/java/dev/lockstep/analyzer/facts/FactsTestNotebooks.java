package dev.lockstep.analyzer.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.NotebookReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Notebooks made from cell sources, analysed, for the facts tests. */
public final class FactsTestNotebooks {
    private FactsTestNotebooks() {
    }

    public static AnalyzedNotebook analyze(String... cells) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode nb = json.createObjectNode();
        ArrayNode list = nb.putArray("cells");
        int n = 0;
        for (String source : cells) {
            ObjectNode cell = list.addObject();
            cell.put("cell_type", "code");
            cell.put("execution_count", ++n);
            cell.put("id", "c" + n);
            cell.putObject("metadata");
            cell.putArray("outputs");
            cell.put("source", source);
        }
        nb.putObject("metadata").putObject("kernelspec").put("name", "python3").put("language", "python");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        try {
            byte[] bytes = json.writeValueAsBytes(nb);
            return new NotebookAnalyzer().analyze(new NotebookReader().read(new ByteArrayInputStream(bytes), "t.ipynb"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
