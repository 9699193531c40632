package dev.lockstep.extractor.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.extractor.ExtractException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobWriterTest {

    @Test
    void forceReplacesTheJobButKeepsTheRecordsOfEarlierRuns(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("job");
        JobWriter.write(job, Map.of("lockstep.yaml", bytes("version: 1\n"), "pipeline/old.py", bytes("x = 1\n")), false);
        Path record = job.resolve("runs/20261127T101500.123Z-4d0fa2b5/record.json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, "{}\n");

        assertThatThrownBy(() -> JobWriter.write(job, Map.of("lockstep.yaml", bytes("version: 1\n")), false))
                .isInstanceOf(ExtractException.class).hasMessageContaining("--force");
        JobWriter.write(job, Map.of("lockstep.yaml", bytes("version: 1\nseed: 2\n"), "pipeline/main.py", bytes("y = 2\n")), true);

        assertThat(job.resolve("lockstep.yaml")).hasContent("version: 1\nseed: 2");
        assertThat(job.resolve("pipeline/old.py")).doesNotExist();
        assertThat(job.resolve("pipeline/main.py")).exists();
        assertThat(record).hasContent("{}");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings).containsExactly(job); // no staging or old copies left behind
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
