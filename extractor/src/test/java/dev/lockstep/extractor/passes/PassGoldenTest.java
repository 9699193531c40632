package dev.lockstep.extractor.passes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.NotebookReader;
import dev.lockstep.extractor.ExtractionPipeline;
import dev.lockstep.extractor.PlanSnapshot;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Before/after goldens per pass: {@code src/test/resources/passes/<pass>/<case>.ipynb} runs
 * through every pass before {@code <pass>} (the "before" plan), then {@code <pass>} itself (the
 * "after" plan); both snapshots are compared with {@code <case>.golden}. Rewrite goldens with
 * {@code -Dlockstep.updateGoldens=true} and review the diff.
 */
class PassGoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/passes");

    @TestFactory
    Stream<DynamicTest> everyPassMatchesItsGoldens() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Pass> passes = ExtractionPipeline.standard().passes();
        for (int p = 0; p < passes.size(); p++) {
            Pass pass = passes.get(p);
            Path dir = ROOT.resolve(pass.name());
            assertThat(dir).as("golden folder for pass %s", pass.name()).isDirectory();
            List<Pass> before = passes.subList(0, p);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path notebook : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(pass.name() + " " + notebook.getFileName(), () -> check(before, pass, notebook)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(List<Pass> before, Pass pass, Path notebook) throws Exception {
        var read = new NotebookReader().read(notebook, notebook.getFileName().toString());
        var analyzed = new NotebookAnalyzer().analyze(read);
        ExtractOptions options = new ExtractOptions(dev.lockstep.extractor.plan.OrderMode.AUTO, false, true, 0,
                java.util.Map.of(), List.of(), java.util.Map.of(), notebook.toAbsolutePath().getParent(),
                notebook.toAbsolutePath().getParent().resolve("job"));
        ExtractionPlan plan = new ExtractionPipeline(before).run(ExtractionPlan.initial(analyzed, notebook.getFileName().toString(), options));
        ExtractionPlan after = pass.apply(plan);
        String actual = "=== before " + pass.name() + "\n" + PlanSnapshot.of(plan) + "=== after " + pass.name() + "\n"
                + PlanSnapshot.of(after);
        // Inputs outside the job are written as absolute paths: the golden names the notebook's folder.
        actual = actual.replace(notebook.toAbsolutePath().getParent().toString(), "<notebook folder>");
        Path golden = Path.of(notebook.toString().replace(".ipynb", ".golden"));
        if (Boolean.getBoolean("lockstep.updateGoldens")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
