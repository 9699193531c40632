package dev.lockstep.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.OrderMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * On the shipped examples and the real notebooks Debian ships, every extracted job either
 * declares what it writes or says, as a blocker, why it cannot (EX001, EX003, EX004).
 */
class DeclaresOrBlocksTest {
    private static final Set<String> WHY_NOT = Set.of("EX001", "EX003", "EX004");

    @TestFactory
    Stream<DynamicTest> everyJobDeclaresItsOutputsOrBlocks() throws Exception {
        List<Path> notebooks = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("test-notebooks"))) {
            root = root.getParent();
        }
        try (Stream<Path> files = Files.list(root.resolve("test-notebooks/examples"))) {
            files.filter(f -> f.toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
        }
        Path doc = Path.of("/usr/share/doc");
        if (Files.isDirectory(doc)) {
            try (Stream<Path> files = Files.walk(doc)) {
                files.filter(f -> f.toString().endsWith(".ipynb") && !f.toString().contains(".ipynb_checkpoints"))
                        .sorted().limit(60).forEach(notebooks::add);
            }
        }
        assertThat(notebooks).hasSizeGreaterThan(5);
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.toString(), () -> {
            ExtractOptions options = new ExtractOptions(OrderMode.AUTO, false, true, 0, Map.of(), List.of(), Map.of(),
                    nb.getParent(), null);
            ExtractionPlan plan;
            try {
                plan = new Extractor().plan(nb, options);
            } catch (ExtractException e) {
                return; // an unreadable notebook is one clear error, not a job
            }
            assertThat(!plan.outputs().isEmpty() || plan.blockers().stream().map(Blocker::ruleId).anyMatch(WHY_NOT::contains))
                    .as("%s: %d outputs, blockers %s", nb, plan.outputs().size(),
                            plan.blockers().stream().map(Blocker::ruleId).toList())
                    .isTrue();
        }));
    }
}
