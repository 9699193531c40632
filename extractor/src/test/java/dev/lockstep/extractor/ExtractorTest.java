package dev.lockstep.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.extractor.emit.JobRenderer;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.OrderMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractorTest {
    private static final Path REPO = repoRoot();
    private static final Path EXAMPLES = REPO.resolve("test-notebooks/examples");
    private static final Path CASES = Path.of("src/test/resources/passes");

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-notebooks"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root");
    }

    private static ExtractOptions options(Path notebook, Path job, Map<String, Path> inputs) {
        return new ExtractOptions(OrderMode.AUTO, false, true, 0, inputs, List.of(), Map.of(),
                notebook.toAbsolutePath().getParent(), job);
    }

    @Test
    void sameNotebookAndFlagsGiveAByteIdenticalJob(@TempDir Path dir) throws IOException {
        Path notebook = EXAMPLES.resolve("pytorch-adapter-finetune.ipynb");
        Map<String, Path> inputs = Map.of("data", EXAMPLES.resolve("data/train.csv"));
        Path first = dir.resolve("a/job");
        Path second = dir.resolve("b/job");
        new Extractor().extract(notebook, first, options(notebook, first, inputs), false, false);
        new Extractor().extract(notebook, second, options(notebook, second, inputs), false, false);
        assertThat(tree(first)).isEqualTo(tree(second)).containsKeys("lockstep.yaml", "pipeline/main.py",
                "pipeline/lockstep_config.py", "pipeline/requirements.txt", "RunJob.java", "lib/lockstep-runtime.jar",
                "README.md", "extraction.json");
    }

    @Test
    void theNotebookIsNeverModified(@TempDir Path dir) throws IOException {
        Path notebook = dir.resolve("nb.ipynb");
        Files.copy(EXAMPLES.resolve("sklearn-churn-model.ipynb"), notebook);
        Files.setLastModifiedTime(notebook, FileTime.fromMillis(1_000_000_000_000L));
        byte[] before = Files.readAllBytes(notebook);
        new Extractor().extract(notebook, dir.resolve("job"), options(notebook, dir.resolve("job"), Map.of()), false, false);
        assertThat(Files.readAllBytes(notebook)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(notebook).toMillis()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void aNonEmptyTargetNeedsForceAndStrictWritesNothingWithBlockers(@TempDir Path dir) throws IOException {
        Path notebook = EXAMPLES.resolve("sklearn-churn-model.ipynb");
        Path job = dir.resolve("job");
        Files.createDirectories(job);
        Files.writeString(job.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> new Extractor().extract(notebook, job, options(notebook, job, Map.of()), false, false))
                .isInstanceOf(ExtractException.class).hasMessageContaining("is not empty").hasMessageContaining("--force");
        Extractor.ExtractionResult forced = new Extractor().extract(notebook, job, options(notebook, job, Map.of()), true, false);
        assertThat(forced.written()).isEqualTo(job);
        assertThat(job.resolve("keep.txt")).doesNotExist();
        Path strict = dir.resolve("strict");
        Extractor.ExtractionResult refused = new Extractor().extract(notebook, strict, options(notebook, strict, Map.of()), false, true);
        assertThat(refused.blocked()).isTrue();
        assertThat(refused.written()).isNull();
        assertThat(strict).doesNotExist();
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("job");
        }
    }

    @Test
    void unknownInputNamesAreErrors() {
        Path notebook = EXAMPLES.resolve("pytorch-adapter-finetune.ipynb");
        assertThatThrownBy(() -> new Extractor().plan(notebook, options(notebook, null, Map.of("nope", notebook))))
                .isInstanceOf(ExtractException.class).hasMessage("--input nope: the notebook has no input named 'nope' (its inputs: data)");
    }

    @Test
    void everyBlockerKindIsReported() {
        assertThat(blockers(CASES.resolve("order/unresolved.ipynb"))).contains("LS104");
        assertThat(blockers(CASES.resolve("slice/saves-nothing.ipynb"))).contains("EX001");
        assertThat(blockers(CASES.resolve("bind-inputs/relative.ipynb"))).contains("EX002");
        assertThat(blockers(CASES.resolve("inputs-outputs/paths.ipynb"))).contains("LS204");
        assertThat(blockers(CASES.resolve("dependencies/imports.ipynb"))).contains("LS401");
        assertThat(blockers(CASES.resolve("ipython/magics.ipynb"))).contains("LS108");
        assertThat(blockers(CASES.resolve("blockers/gaps.ipynb"))).contains("LS105", "LS402", "LS502", "LS504", "LS506");
        assertThat(blockers(EXAMPLES.resolve("hf-trainer-peft.ipynb"))).contains("LS207", "LS403");
        assertThat(blockers(EXAMPLES.resolve("gpu-finetune.ipynb"))).contains("LS308");
    }

    @Test
    void localModulesBesideTheNotebookAreShippedAndRequirementFilesPin(@TempDir Path dir) throws IOException {
        Path notebook = dir.resolve("train.ipynb");
        Files.writeString(notebook, """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "code", "id": "a", "execution_count": 1, "metadata": {}, "outputs": [],
                  "source": "import numpy as np\\nfrom churn_utils import scale\\nnp.save('out/x.npy', scale(np.ones(2)))"}]}
                """);
        Files.writeString(dir.resolve("churn_utils.py"), "def scale(x):\n    return 2 * x\n");
        Files.writeString(dir.resolve("requirements.txt"), "numpy==1.24.2  # the version used\n");
        Path job = dir.resolve("job");
        Extractor.ExtractionResult result = new Extractor().extract(notebook, job, options(notebook, job, Map.of()), false, false);
        assertThat(result.plan().blockers()).isEmpty();
        assertThat(job.resolve("pipeline/churn_utils.py")).hasContent("def scale(x):\n    return 2 * x");
        assertThat(job.resolve("pipeline/requirements.txt")).content().contains("numpy==1.24.2").doesNotContain("churn");
        Files.delete(dir.resolve("churn_utils.py"));
        assertThat(blockers(notebook)).contains("LS406");
    }

    @Test
    void extractionJsonRecordsTheHubLoadsOfTheKeptCellsFromTheFacts(@TempDir Path dir) throws IOException {
        Path notebook = dir.resolve("hub.ipynb");
        String commit = "0123456789abcdef0123456789abcdef01234567";
        Files.writeString(notebook, """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "code", "id": "a", "execution_count": 1, "metadata": {}, "outputs": [],
                  "source": "from transformers import AutoTokenizer, AutoModel\\nname = 'org/tiny'"},
                 {"cell_type": "code", "id": "b", "execution_count": 2, "metadata": {}, "outputs": [],
                  "source": "tok = AutoTokenizer.from_pretrained(name, revision='v2')"},
                 {"cell_type": "code", "id": "c", "execution_count": 3, "metadata": {}, "outputs": [],
                  "source": "base = AutoModel.from_pretrained('gpt2', revision='COMMIT')\\nmodel = AutoModel.from_pretrained(name)"},
                 {"cell_type": "code", "id": "d", "execution_count": 4, "metadata": {}, "outputs": [],
                  "source": "model.save_pretrained('out/model')\\ntok.save_pretrained('out/model')\\nbase.save_pretrained('out/base')"}]}
                """.replace("COMMIT", commit));
        Path job = dir.resolve("job");
        new Extractor().extract(notebook, job, options(notebook, job, Map.of()), false, false);
        com.fasterxml.jackson.databind.JsonNode hub = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(job.resolve("extraction.json").toFile()).get("hub");
        List<String> rows = new ArrayList<>();
        hub.forEach(h -> rows.add(h.get("id").asText() + " " + h.get("kind").asText() + " " + h.get("repository").asText()
                + " " + h.get("revision").asText(null) + " " + h.get("revision_kind").asText() + " " + h.get("pinned").asBoolean()
                + " " + h.get("trust_remote_code").asBoolean() + " " + h.get("cell").asInt() + ":" + h.get("line").asInt()));
        assertThat(rows).containsExactly(
                "gpt2 model model " + commit + " full_commit true false 3:1",
                "org/tiny model model null missing false false 3:2",
                "org/tiny tokenizer model v2 tag false false 2:1");
    }

    @Test
    void theJobsPlanListsWhatItReadsFromTheEnvironmentButNotWhatTheNotebookSetsItself(@TempDir Path dir) throws IOException {
        Path notebook = dir.resolve("env.ipynb");
        Files.writeString(notebook, """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "code", "id": "a", "execution_count": 1, "metadata": {}, "outputs": [],
                  "source": "import os\\nos.environ['MODE'] = 'fast'"},
                 {"cell_type": "code", "id": "b", "execution_count": 2, "metadata": {}, "outputs": [],
                  "source": "mode = os.environ['MODE']\\nroot = os.getenv('DATA_ROOT', '.')"},
                 {"cell_type": "code", "id": "c", "execution_count": 3, "metadata": {}, "outputs": [],
                  "source": "open('out.txt', 'w').write(mode + root)"}]}
                """);
        Path job = dir.resolve("job");
        new Extractor().extract(notebook, job, options(notebook, job, Map.of()), false, false);
        com.fasterxml.jackson.databind.JsonNode reads = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(job.resolve("extraction.json").toFile()).get("environment_reads");
        List<String> rows = new ArrayList<>();
        reads.forEach(r -> rows.add(r.get("variable").asText() + " " + r.get("cell").asInt() + ":" + r.get("line").asInt()));
        assertThat(rows).containsExactly("DATA_ROOT 2:2");
        assertThat(Files.readString(job.resolve("README.md"))).contains("reads the environment of whoever runs it: `os.getenv")
                .doesNotContain("os.environ['MODE']`");
    }

    private static List<String> blockers(Path notebook) {
        ExtractionPlan plan = new Extractor().plan(notebook, options(notebook, notebook.getParent().resolve("job"), Map.of()));
        return plan.blockers().stream().map(Blocker::ruleId).distinct().toList();
    }

    @Test
    void everyShippedExampleExtractsToScriptsThatParseAndByteCompile(@TempDir Path dir) throws Exception {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        List<Path> scripts = new ArrayList<>();
        for (Path notebook : notebooks) {
            Path job = dir.resolve(notebook.getFileName().toString().replace(".ipynb", ""));
            new Extractor().extract(notebook, job, options(notebook, job, Map.of()), false, false);
            scripts.add(job.resolve(JobRenderer.MAIN));
            scripts.add(job.resolve(JobRenderer.CONFIG_LOADER));
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-m", "py_compile"));
        scripts.forEach(s -> command.add(s.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> hashes = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                hashes.put(root.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
