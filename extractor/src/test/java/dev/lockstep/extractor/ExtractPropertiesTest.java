package dev.lockstep.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.python.ParsedModule;
import dev.lockstep.analyzer.python.PythonParser;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.fuzz.Bounded;
import dev.lockstep.fuzz.InputSnapshot;
import dev.lockstep.fuzz.NotebookArbitraries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of extraction over generated notebooks (every IPython form, broken Python, odd
 * Unicode, huge and deep cells): it never hangs, never throws anything but a one-line
 * {@link ExtractException}, leaves the notebook as it was, gives the same bytes twice, and the
 * script it writes always parses, by Lockstep's parser and, where Debian's Python is
 * installed, by CPython's own {@code ast.parse}.
 */
class ExtractPropertiesTest {
    private static final Path CPYTHON = Path.of("/usr/bin/python3");
    private static final PythonParser PARSER = new PythonParser();
    private static Path dir;

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("lockstep-extract-props");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        if (worker != null) {
            worker.process().destroy();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<byte[]> notebooks() {
        return NotebookArbitraries.validNotebook();
    }

    @Property
    void extractionEndsWithAJobWhoseScriptParsesOrOneClearError(@ForAll("notebooks") byte[] content) throws Exception {
        Path notebook = dir.resolve("try.ipynb");
        Files.write(notebook, content);
        InputSnapshot before = InputSnapshot.of(notebook);

        Map<String, byte[]> files;
        try {
            files = Bounded.call("extracting a " + content.length + "-byte notebook", () -> render(notebook));
        } catch (ExtractException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("internal error");
            assertThat(InputSnapshot.of(notebook)).isEqualTo(before);
            return;
        }
        assertThat(InputSnapshot.of(notebook)).isEqualTo(before);

        byte[] script = files.get("pipeline/main.py");
        assertThat(script).as("pipeline/main.py").isNotNull();
        String python = new String(script, StandardCharsets.UTF_8);
        ParsedModule parsed = PARSER.parse(python);
        assertThat(parsed.problems()).as("syntax problems in pipeline/main.py:%n%s", python).isEmpty();
        assertCPythonParses(script);

        Map<String, byte[]> again = Bounded.call("extracting it again", () -> render(notebook));
        assertThat(again.keySet()).isEqualTo(files.keySet());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(again.get(file.getKey())).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    private static Map<String, byte[]> render(Path notebook) {
        ExtractionPlan plan = new Extractor().plan(notebook, ExtractOptions.defaults());
        return Extractor.files(plan);
    }

    /**
     * CPython's verdict on the script, when Debian's interpreter is installed (as scripts/test.sh
     * ensures): one long-lived interpreter reads a path a line and answers "ok" or the error.
     */
    private static void assertCPythonParses(byte[] script) throws Exception {
        if (!Files.isExecutable(CPYTHON)) {
            return;
        }
        Path file = dir.resolve("main.py");
        Files.write(file, script);
        String verdict = Bounded.call("CPython's ast.parse", () -> cpython().check(file));
        assertThat(verdict).as("CPython's ast.parse of pipeline/main.py:%n%s", new String(script, StandardCharsets.UTF_8))
                .isEqualTo("ok");
    }

    private static CPythonWorker worker;

    private static synchronized CPythonWorker cpython() throws IOException {
        if (worker == null || !worker.process.isAlive()) {
            worker = new CPythonWorker(new ProcessBuilder(CPYTHON.toString(), "-I", "-u", "-c", String.join("\n",
                    "import ast, sys",
                    "for line in sys.stdin:",
                    "    path = line.rstrip('\\n')",
                    "    try:",
                    "        ast.parse(open(path, 'rb').read(), path)",
                    "        print('ok')",
                    "    except (SyntaxError, ValueError, MemoryError, RecursionError) as e:",
                    "        print(repr(e).replace('\\n', ' '))"))
                    .redirectErrorStream(true).start());
        }
        return worker;
    }

    /** A Python process that parses the files it is told of, one verdict line each. */
    private record CPythonWorker(Process process, java.io.BufferedReader out, java.io.Writer in) {
        CPythonWorker(Process process) {
            this(process, new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
                    new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        }

        synchronized String check(Path file) throws IOException {
            in.write(file + "\n");
            in.flush();
            String line = out.readLine();
            return line == null ? "CPython exited" : line;
        }
    }
}
