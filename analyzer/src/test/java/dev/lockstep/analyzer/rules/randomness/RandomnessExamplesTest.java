package dev.lockstep.analyzer.rules.randomness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.testing.RepoPaths;
import dev.lockstep.analyzer.testing.Scans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The LS3 rules find exactly what a careful reviewer marked in the example notebooks
 * ({@code test-notebooks/examples/*.expected.md}): for every LS3 row, a finding of that rule on
 * that cell and line, and no LS3 finding the reviewer did not list.
 */
class RandomnessExamplesTest {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|[^|]*\\|\\s*(\\d+|output)\\s*\\|\\s*(LS3\\d\\d)\\s*\\|");

    @TestFactory
    Stream<DynamicTest> examplesGiveTheReviewedLs3Findings() throws IOException {
        Path examples = RepoPaths.testNotebooks().resolve("examples");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path notebook : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                Path expected = examples.resolve(notebook.getFileName().toString().replace(".ipynb", ".expected.md"));
                if (!Files.exists(expected)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(notebook.getFileName().toString(), () -> {
                    List<String> want = new ArrayList<>();
                    for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
                        Matcher m = ROW.matcher(line);
                        if (m.find()) {
                            want.add("cell " + m.group(1) + ":" + m.group(2) + " " + m.group(3));
                        }
                    }
                    String[] ids = RandomnessRules.all().stream().map(Rule::metadata).map(r -> r.id()).toArray(String[]::new);
                    FileReport report = Scans.scan(notebook, ids);
                    assertThat(report.error()).isNull();
                    List<String> got = new ArrayList<>();
                    for (Finding finding : report.findings()) {
                        got.add("cell " + finding.location().cell() + ":" + finding.location().line() + " " + finding.ruleId());
                    }
                    assertThat(got).as(Scans.render(report.findings())).containsExactlyInAnyOrderElementsOf(want);
                }));
            }
        }
        return tests.stream();
    }
}
