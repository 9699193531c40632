package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.fuzz.Bounded;
import dev.lockstep.fuzz.InputSnapshot;
import dev.lockstep.fuzz.NotebookArbitraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@code lockstep scan} over folders of generated files, good and bad: a
 * parallel scan prints byte for byte what a single-threaded one prints, in every format;
 * every file gets findings or one error line; the exit code follows the contract; no file
 * under the folder is changed, added or removed.
 */
class ScanPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<List<byte[]>> folders() {
        return NotebookArbitraries.anyNotebookFile().list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("text", "json", "sarif");
    }

    @Property
    void parallelScanPrintsWhatASingleThreadPrintsAndChangesNothing(@ForAll("folders") List<byte[]> files,
            @ForAll("formats") String format) throws Exception {
        Path dir = Files.createTempDirectory("lockstep-scan-props");
        try {
            Files.createDirectories(dir.resolve(".git")); // the repository root: no lockstep.toml above it
            for (int i = 0; i < files.size(); i++) {
                Path file = dir.resolve(i % 3 == 0 ? "sub/nb-" + i + ".ipynb" : "nb-" + i + ".ipynb");
                Files.createDirectories(file.getParent());
                Files.write(file, files.get(i));
            }
            InputSnapshot before = InputSnapshot.of(dir);

            CliRunner.Result single = Bounded.call("scan --threads 1",
                    () -> CliRunner.run("scan", dir.toString(), "--format", format, "--threads", "1", "--color", "never"));
            CliRunner.Result parallel = Bounded.call("scan --threads 4",
                    () -> CliRunner.run("scan", dir.toString(), "--format", format, "--threads", "4", "--color", "never"));

            assertThat(parallel.out()).isEqualTo(single.out());
            assertThat(parallel.err()).isEqualTo(single.err());
            assertThat(parallel.exitCode()).isEqualTo(single.exitCode()).isIn(ExitCodes.OK, ExitCodes.FINDINGS, ExitCodes.USAGE);
            assertThat(InputSnapshot.of(dir)).isEqualTo(before);
            if (format.equals("json")) {
                assertEveryFileReported(single.out(), files.size(), single.exitCode());
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void assertEveryFileReported(String out, int count, int exitCode) throws IOException {
        JsonNode files = JSON.readTree(out).get("files");
        assertThat(files).hasSize(count);
        boolean anyError = false;
        for (JsonNode file : files) {
            JsonNode error = file.get("error");
            if (error != null && !error.isNull()) {
                anyError = true;
                assertThat(error.asText()).isNotBlank().doesNotContain("\n").doesNotStartWith("internal error");
                assertThat(file.get("findings")).isEmpty();
            }
        }
        if (anyError) {
            assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        }
    }
}
