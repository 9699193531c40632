package dev.lockstep.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.config.ConfigResolver;
import dev.lockstep.analyzer.config.RuleSelection;
import dev.lockstep.analyzer.ipython.IPythonTranslator;
import dev.lockstep.analyzer.ipython.TranslatedSource;
import dev.lockstep.analyzer.python.ParsedModule;
import dev.lockstep.analyzer.python.PythonParser;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.python.SyntaxProblem;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.fuzz.Bounded;
import dev.lockstep.fuzz.InputSnapshot;
import dev.lockstep.fuzz.NotebookArbitraries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of reading and analysing any file (NotebookArbitraries): no exception escapes,
 * every file gets findings or one clear error line, nothing hangs, the file is left as it was.
 * Tries per property: jqwik.tries.default (src/test/resources/junit-platform.properties;
 * scripts/fuzz.sh runs many more).
 */
class NotebookPropertiesTest {
    private static Path dir;
    private static final ConfigResolver CONFIGS = ConfigResolver.discovering(RuleSelection.NONE);
    private static final PythonParser PARSER = new PythonParser();
    private static final IPythonTranslator TRANSLATOR = new IPythonTranslator();

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("lockstep-props");
        Files.createDirectories(dir.resolve(".git")); // stops the lockstep.toml search here
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        return NotebookArbitraries.anyNotebookFile();
    }

    @Property
    void everyFileGetsFindingsOrOneClearErrorLineAndIsLeftAlone(@ForAll("files") byte[] content) throws Exception {
        Path file = dir.resolve("try.ipynb");
        Files.write(file, content);
        InputSnapshot before = InputSnapshot.of(file);

        FileReport report = Bounded.call("scanning a " + content.length + "-byte file",
                () -> CONFIGS.settingsFor(file).scanner().scan(file, "try.ipynb"));

        assertThat(report).isNotNull();
        if (report.failed()) {
            assertThat(report.error()).isNotBlank().doesNotContain("\n").doesNotContain("\r")
                    .doesNotStartWith("internal error");
            assertThat(report.findings()).isEmpty();
        } else {
            assertThat(report.sha256()).hasSize(64);
            for (Finding finding : report.findings()) {
                assertThat(finding.location().line()).isPositive();
                assertThat(finding.location().column()).isPositive();
                assertThat(finding.message()).isNotBlank();
            }
        }
        assertThat(InputSnapshot.of(file)).isEqualTo(before);
    }

    @Provide
    Arbitrary<String> sources() {
        return NotebookArbitraries.cellSource();
    }

    @Property
    void anyCellSourceTranslatesAndParsesWithPositionsInsideTheText(@ForAll("sources") String source) throws Exception {
        TranslatedSource translated = Bounded.call("translating a " + source.length() + "-char cell",
                () -> TRANSLATOR.translate(source));
        String python = translated.python();
        ParsedModule parsed = Bounded.call("parsing its " + python.length() + "-char translation", () -> PARSER.parse(python));
        parsed.root().walk(node -> {
            assertThat(node.startOffset()).isBetween(0, node.endOffset());
            assertThat(node.endOffset()).isLessThanOrEqualTo(python.length());
        });
        for (SyntaxProblem problem : parsed.problems()) {
            assertThat(problem.line()).isNotNegative();
            assertThat(problem.column()).isNotNegative();
            assertThat(problem.message()).isNotBlank();
        }
    }

    @Property
    void plainPythonParsesWhateverItHolds(@ForAll("sources") String source) throws Exception {
        ParsedModule parsed = Bounded.call("parsing " + source.length() + " chars", () -> PARSER.parse(source));
        parsed.root().walk(node -> {
            if (node.startOffset() > node.endOffset() || node.endOffset() > source.length()) {
                throw new UncheckedIOException(new IOException("node " + node + " spans " + node.startOffset() + "-"
                        + node.endOffset() + " of " + source.length() + " chars"));
            }
        });
    }
}
