package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 500 MB notebook full of embedded images, HTML and long streams scans in a JVM limited to
 * 256 MB of heap: payloads are skipped while streaming, never held whole.
 */
class LargeNotebookTest {
    private static final long TARGET_BYTES = 500L * 1000 * 1000;

    @Test
    void fiveHundredMegabyteNotebookScansWithA256MegabyteHeap(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("huge.ipynb");
        int cells = writeHugeNotebook(notebook);
        assertThat(Files.size(notebook)).isGreaterThanOrEqualTo(TARGET_BYTES);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stdout = dir.resolve("out.json");
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "scan", "--format", "json", notebook.toString())
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("scan finished").isTrue();
        JsonNode report = new ObjectMapper().readTree(stdout.toFile());
        JsonNode file = report.get("files").get(0);
        assertThat(file.get("error").isNull()).as("error: %s", file.get("error")).isTrue();
        // Every code cell reads from an absolute path: all were analysed, none lost.
        List<JsonNode> paths = new java.util.ArrayList<>();
        file.get("findings").forEach(f -> {
            if (f.get("rule").asText().equals("LS201")) {
                paths.add(f);
            }
        });
        assertThat(paths).hasSize(cells);
        assertThat(paths.get(cells - 1).get("cell").asInt()).isEqualTo(cells);
        assertThat(process.exitValue()).isEqualTo(ExitCodes.FINDINGS);
    }

    /** Writes code cells with ~2 MB of base64 image, HTML and stream output each, until 500 MB. */
    private static int writeHugeNotebook(Path file) throws IOException {
        String base64Line = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        StringBuilder image = new StringBuilder();
        while (image.length() < 1_500_000) {
            image.append(base64Line);
        }
        String html = "<tr><td>value</td></tr>".repeat(10_000);
        int cells = 0;
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \"python3\", "
                    + "\"language\": \"python\", \"display_name\": \"Python 3\"}}, \"cells\": [\n");
            while (written < TARGET_BYTES) {
                cells++;
                StringBuilder cell = new StringBuilder();
                cell.append(cells > 1 ? ",\n" : "").append("{\"cell_type\": \"code\", \"id\": \"c").append(cells)
                        .append("\", \"execution_count\": ").append(cells)
                        .append(", \"metadata\": {}, \"source\": [\"import pandas as pd\\n\", \"df = pd.read_csv('/home/ana/part")
                        .append(cells).append(".csv')\\n\", \"df.plot()\"], \"outputs\": [")
                        .append("{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \"")
                        .append(image).append("\", \"text/plain\": [\"<Figure size 640x480>\"]}}, ")
                        .append("{\"output_type\": \"execute_result\", \"execution_count\": ").append(cells)
                        .append(", \"metadata\": {}, \"data\": {\"text/html\": [\"").append(html)
                        .append("\"], \"text/plain\": [\"table\"]}}, ")
                        .append("{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [");
                for (int i = 0; i < 2000; i++) {
                    cell.append(i > 0 ? ", " : "").append("\"epoch ").append(i).append(" loss 0.1234567\\n\"");
                }
                cell.append("]}]}");
                out.write(cell.toString());
                written += cell.length();
            }
            out.write("\n]}\n");
        }
        return cells;
    }
}
