package dev.lockstep.analyzer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.testing.RepoPaths;
import dev.lockstep.analyzer.testing.Scans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fixture notebooks per rule, in {@code test-notebooks/rules/<ID>/}:
 * {@code positive*.ipynb} with golden findings in {@code positive*.expected} (only that rule's
 * findings, rendered as {@code cell N:line:col: ID severity name: message}), and
 * {@code negative*.ipynb} on which the rule must stay silent. Run with
 * {@code -Dlockstep.updateGoldens=true} to rewrite the goldens, then review the diff.
 */
class RuleFixturesTest {

    private static Path fixtures() {
        return RepoPaths.testNotebooks().resolve("rules");
    }

    @TestFactory
    Stream<DynamicTest> positiveFixturesMatchTheirGoldens() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : ruleDirectories()) {
            String id = dir.getFileName().toString();
            for (Path notebook : notebooks(dir, "positive")) {
                tests.add(DynamicTest.dynamicTest(id + " " + notebook.getFileName(), () -> {
                    FileReport report = Scans.scan(notebook, id);
                    assertThat(report.error()).as("read error").isNull();
                    String actual = Scans.render(report.findings());
                    Path golden = dir.resolve(notebook.getFileName().toString().replace(".ipynb", ".expected"));
                    if (RepoPaths.updateGoldens()) {
                        Files.writeString(golden, actual, StandardCharsets.UTF_8);
                    }
                    assertThat(golden).as("golden file").exists();
                    assertThat(actual).as("findings of %s on %s", id, notebook.getFileName())
                            .isNotEmpty()
                            .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> negativeFixturesGiveNoFindings() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : ruleDirectories()) {
            String id = dir.getFileName().toString();
            for (Path notebook : notebooks(dir, "negative")) {
                tests.add(DynamicTest.dynamicTest(id + " " + notebook.getFileName(), () -> {
                    FileReport report = Scans.scan(notebook, id);
                    assertThat(report.error()).as("read error").isNull();
                    assertThat(Scans.render(report.findings())).as("findings of %s on %s", id, notebook.getFileName())
                            .isEmpty();
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyRuleHasPositiveAndNegativeFixtures() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Rule rule : BuiltInRules.all()) {
            String id = rule.metadata().id();
            Path dir = fixtures().resolve(id);
            if (!Files.isDirectory(dir) || notebooks(dir, "positive").isEmpty() || notebooks(dir, "negative").isEmpty()) {
                missing.add(id);
            }
        }
        assertThat(missing).as("rules without positive and negative fixtures").isEmpty();
    }

    @Test
    void fixtureFoldersNameRegisteredRules() throws IOException {
        List<String> ids = BuiltInRules.all().stream().map(r -> r.metadata().id()).toList();
        for (Path dir : ruleDirectories()) {
            assertThat(ids).as("fixture folder %s", dir.getFileName()).contains(dir.getFileName().toString());
        }
    }

    @Test
    void theCleanExampleHasNoFindingsUnderAnyRule() {
        Path clean = RepoPaths.testNotebooks().resolve("examples/clean-reproducible.ipynb");
        FileReport report = Scans.scan(clean);
        assertThat(report.error()).isNull();
        assertThat(Scans.render(report.findings())).isEmpty();
    }

    private static List<Path> ruleDirectories() throws IOException {
        if (!Files.isDirectory(fixtures())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(fixtures())) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static List<Path> notebooks(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }
}
