package dev.lockstep.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Repository paths and small nbformat 4 notebooks written for tests. */
final class TestNotebooks {
    private TestNotebooks() {
    }

    static Path repoRoot() {
        String configured = System.getProperty("lockstep.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-notebooks"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }

    static Path examples() {
        return repoRoot().resolve("test-notebooks/examples");
    }

    /** A code cell: its source and saved execution count (null: never run). */
    record CodeCell(String source, Integer count) {
    }

    static Path write(Path file, List<CodeCell> cells) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode nb = mapper.createObjectNode();
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        ObjectNode metadata = nb.putObject("metadata");
        metadata.putObject("kernelspec").put("name", "python3").put("display_name", "Python 3").put("language", "python");
        metadata.putObject("language_info").put("name", "python").put("version", "3.11.2");
        ArrayNode array = nb.putArray("cells");
        int i = 0;
        for (CodeCell c : cells) {
            ObjectNode cell = array.addObject();
            cell.put("cell_type", "code");
            cell.put("id", String.format("c%07d", i++));
            cell.putObject("metadata");
            if (c.count() == null) {
                cell.putNull("execution_count");
            } else {
                cell.put("execution_count", c.count());
            }
            cell.putArray("outputs");
            cell.put("source", c.source());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), nb);
        return file;
    }
}
