package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.extractor.ExtractException;
import dev.lockstep.extractor.Extractor;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.OrderMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notebooks written by other people: the analysis notebooks Debian's documentation packages
 * ship (statsmodels examples, nbsphinx and notebook docs, nbclient's test files), installed by
 * the test command. Scanning never crashes, every file gets findings or one clear error, and
 * extraction never crashes, writes scripts that parse and byte-compile, and is byte-identical
 * the second time.
 */
class RealNotebooksTest {
    private static final List<Path> ROOTS = List.of(Path.of("/usr/share/doc"), Path.of("/usr/lib/python3/dist-packages"));
    private static List<Path> notebooks;

    @BeforeAll
    static void findNotebooks() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : ROOTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".ipynb") && Files.isRegularFile(p)).sorted().forEach(found::add);
            }
        }
        notebooks = found;
        assertThat(notebooks).as("real notebooks from Debian's documentation packages (scripts/ensure-test-packages.sh "
                + "installs python-statsmodels-doc, python-nbsphinx-doc, python-notebook-doc)").hasSizeGreaterThan(100);
    }

    @Test
    void everyRealNotebookScansWithFindingsOrOneClearError() throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--format", "json"));
        notebooks.forEach(n -> args.add(n.toString()));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        JsonNode files = new ObjectMapper().readTree(result.out()).get("files");
        assertThat(files).hasSize(notebooks.size());
        for (JsonNode file : files) {
            String error = file.get("error").isNull() ? null : file.get("error").asText();
            assertThat(error).as(file.get("path").asText()).satisfiesAnyOf(
                    e -> assertThat(e).isNull(),
                    e -> assertThat(e).doesNotContain("internal error").doesNotContain("\n"));
        }
        assertThat(result.exitCode()).isIn(ExitCodes.OK, ExitCodes.FINDINGS, ExitCodes.USAGE);
    }

    @Test
    void everyRealNotebookExtractsTwiceIdenticallyToScriptsThatByteCompile(@TempDir Path dir) throws Exception {
        List<Path> scripts = new ArrayList<>();
        int extracted = 0;
        for (int i = 0; i < notebooks.size(); i++) {
            Path notebook = notebooks.get(i);
            Path job = dir.resolve("job" + i);
            ExtractOptions options = new ExtractOptions(OrderMode.AUTO, false, true, 0, Map.of(), List.of(), Map.of(),
                    notebook.getParent(), job);
            ExtractionPlan first;
            try {
                first = new Extractor().plan(notebook, options);
            } catch (ExtractException e) {
                // An unreadable notebook is one clear error, never a crash.
                assertThat(e.getMessage()).as(notebook.toString()).doesNotContain("\n").doesNotContain("internal error");
                continue;
            }
            Map<String, byte[]> files = Extractor.files(first);
            Map<String, byte[]> again = Extractor.files(new Extractor().plan(notebook, options));
            assertThat(again.keySet()).isEqualTo(files.keySet());
            for (String name : files.keySet()) {
                if (!Arrays.equals(files.get(name), again.get(name))) {
                    throw new AssertionError(notebook + ": second extraction differs in " + name);
                }
            }
            Path main = job.resolve("main.py");
            Files.createDirectories(job);
            Files.write(main, files.get("pipeline/main.py"));
            scripts.add(main);
            extracted++;
        }
        assertThat(extracted).isGreaterThan(100);
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-m", "py_compile"));
        scripts.forEach(s -> command.add(s.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
