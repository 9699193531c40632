package dev.lockstep.extractor.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.extractor.Extractor;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import dev.lockstep.extractor.plan.OrderMode;
import dev.lockstep.extractor.plan.OutputSpec;
import dev.lockstep.jobformat.ComparePolicy;
import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.JobSpecLoader;
import dev.lockstep.jobformat.PathKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whatever the extractor writes as lockstep.yaml, the job format's own reader (the runtime's) accepts. */
class JobFormatContractTest {

    @Test
    void everyShippedExampleExtractsToALockstepYamlTheJobFormatReads() throws Exception {
        Path examples = repoRoot().resolve("test-notebooks/examples");
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(examples)) {
            notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(notebooks).isNotEmpty();
        Map<String, String> refused = new java.util.TreeMap<>();
        for (Path notebook : notebooks) {
            ExtractionPlan plan = new Extractor().plan(notebook, options(notebook));
            String yaml = yaml(plan);
            try {
                JobSpec spec = new JobSpecLoader().parse(yaml);
                assertThat(spec.outputs().keySet()).as(notebook.getFileName().toString())
                        .containsExactlyInAnyOrderElementsOf(plan.outputs().stream().map(OutputSpec::name).toList());
            } catch (dev.lockstep.jobformat.InvalidJobSpecException e) {
                refused.put(notebook.getFileName().toString(), e.getMessage());
            }
        }
        // Known defect, found by this test (extractor output pass, not emit): the HF Trainer example
        // declares save_pretrained's folder twice under two names; the runtime refuses such a job.
        // When it is fixed this map must become empty, and this test then checks every example.
        assertThat(refused).containsOnlyKeys(KNOWN_REFUSED.keySet());
        refused.forEach((notebook, message) -> assertThat(message).contains(KNOWN_REFUSED.get(notebook)));
    }

    private static final Map<String, String> KNOWN_REFUSED = Map.of(
            "hf-trainer-peft.ipynb", "same path as outputs.");

    @Test
    void folderInputsAndOutputsAreWrittenWithKindFolder() throws Exception {
        Path notebook = repoRoot().resolve("test-notebooks/examples/clean-reproducible.ipynb");
        ExtractionPlan plan = new Extractor().plan(notebook, options(notebook)).toBuilder()
                .output(new OutputSpec("model_dir", "out/model/", new OutputSpec.Comparison(1e-6, null), "out/model", 14, 1))
                .input(new InputSpec("sensor_dir", "data/sensors/", null, "data/sensors", 3, 1, false))
                .build();

        JobSpec spec = new JobSpecLoader().parse(yaml(plan));

        assertThat(spec.outputs().get("model_dir").path()).isEqualTo("out/model");
        assertThat(spec.outputs().get("model_dir").kind()).isEqualTo(PathKind.FOLDER);
        assertThat(spec.outputs().get("model_dir").compare()).isEqualTo(new ComparePolicy.Tolerance(1e-6, 0));
        assertThat(spec.inputs().get("sensor_dir").kind()).contains(PathKind.FOLDER);
        assertThat(spec.inputs().get("sensor_dir").path()).isEqualTo("data/sensors");
        assertThat(spec.outputs().get("metrics").kind()).isEqualTo(PathKind.FILE);
    }

    private static String yaml(ExtractionPlan plan) {
        Map<String, byte[]> files = JobRenderer.render(plan);
        return new String(files.get(JobRenderer.CONFIG), StandardCharsets.UTF_8);
    }

    private static ExtractOptions options(Path notebook) {
        return new ExtractOptions(OrderMode.AUTO, false, true, 0, Map.of(), List.of(), Map.of(), notebook.getParent(),
                notebook.getParent().resolve("job"));
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-notebooks"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root");
    }
}
