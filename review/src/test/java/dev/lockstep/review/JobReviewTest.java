package dev.lockstep.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.extractor.Extractor;
import dev.lockstep.packaging.lock.LockFile;
import dev.lockstep.runtime.record.CanonicalJson;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.OrderMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job directories without runs (runs with real Python: cli ReviewBrowserTest), and the closure files beside them. */
class JobReviewTest {

    private static Path extract(Path dir, String notebook) {
        Path source = TestNotebooks.examples().resolve(notebook);
        Path job = dir.resolve("job");
        ExtractOptions options = new ExtractOptions(OrderMode.AUTO, false, true, 0, Map.of(), List.of(), Map.of(),
                source.getParent(), job, null);
        new Extractor().extract(source, job, options, false, false);
        return job;
    }

    private static Review review(Path job, Path notebook) {
        return new Reviewer().review(job.toString(), new Reviewer.Options(notebook, List.of())).reviews().get(0);
    }

    @Test
    void aJobNeverRunCannotPassItemNine(@TempDir Path dir) {
        Path job = extract(dir, "clean-reproducible.ipynb");
        Review review = review(job, null);
        assertThat(review.kind()).isEqualTo(Review.Kind.JOB);
        assertThat(review.sha256()).hasSize(64);
        assertThat(review.items().get(8).status()).isEqualTo(ItemStatus.FAIL);
        assertThat(review.items().get(8).summary()).contains("0 successful run(s) of this version of the job");
        assertThat(review.items().get(5).status()).isEqualTo(ItemStatus.PASS); // hardware declared in lockstep.yaml
        // The notebook is not beside the job: said, not guessed.
        assertThat(review.notes()).anySatisfy(n -> assertThat(n).contains("is not beside the job"));
        assertThat(review.graph()).isNull();
    }

    @Test
    void theSourceNotebookGivesFindingsThatExtractResolvedAsContext(@TempDir Path dir) {
        Path job = extract(dir, "pytorch-adapter-finetune.ipynb");
        Review review = review(job, TestNotebooks.examples().resolve("pytorch-adapter-finetune.ipynb"));
        assertThat(review.findings()).isNotEmpty();
        assertThat(review.graph()).isNotNull();
        ItemResult randomness = review.items().get(3);
        assertThat(randomness.status()).isEqualTo(ItemStatus.PASS);
        assertThat(randomness.evidence()).anySatisfy(e -> assertThat(e.text()).contains("extract resolves this in the job"));
        // The unbound training data is a blocker extract left: it still decides item 1.
        assertThat(review.items().get(0).status()).isEqualTo(ItemStatus.FAIL);
        assertThat(review.items().get(0).evidence()).anySatisfy(e -> assertThat(e.text()).contains("blocker EX002"));
    }

    @Test
    void aLockIsReadWhenPresentAndAnUnreadableOneFailsItemThree(@TempDir Path dir) throws Exception {
        Path job = extract(dir, "clean-reproducible.ipynb");
        String hash = dev.lockstep.runtime.hashing.JobHash.of(job);
        LockFile lock = new LockFile(LockFile.VERSION, new LockFile.Job(hash, "clean-reproducible.ipynb", null),
                new LockFile.Python("/usr/bin/python3", "3.11.2", "CPython"),
                List.of(new LockFile.Package("numpy", "1.24.2", List.of("numpy"))), List.of("numpy==1.24.2"),
                new LockFile.Imports(List.of("json"), List.of(), List.of(new LockFile.Unresolved("mystery", "no distribution"))),
                List.of(new LockFile.HubPin("model", "org/base", "main", null, null)), Map.of(), 0, Map.of(),
                new LockFile.Hardware("cpu", 0), new LockFile.Image("registry.example/py@sha256:" + "ab".repeat(32)),
                List.of(), "java RunJob.java");
        Files.writeString(job.resolve("lockstep.lock"), CanonicalJson.write(lock));
        Review review = review(job, null);
        ItemResult three = review.items().get(2);
        assertThat(three.evidence()).extracting(Evidence::text).contains(
                "lockstep.lock pins 1 package(s) for Python 3.11.2: numpy==1.24.2",
                "module mystery is not resolved to a distribution: no distribution",
                "base image registry.example/py@sha256:" + "ab".repeat(32));
        assertThat(three.status()).isEqualTo(ItemStatus.FAIL);
        ItemResult two = review.items().get(1);
        assertThat(two.status()).isEqualTo(ItemStatus.FAIL);
        assertThat(two.summary()).isEqualTo("model org/base is not pinned (asks for 'main')");
        assertThat(review.inventory().hubIds()).extracting(Inventory.HubId::id).containsExactly("org/base");

        Files.writeString(job.resolve("lockstep.lock"), "= not [ a lock");
        ItemResult broken = review(job, null).items().get(2);
        assertThat(broken.status()).isEqualTo(ItemStatus.FAIL);
        assertThat(broken.summary()).contains("lockstep.lock cannot be read");
    }

    @Test
    void aJobsHubIdsComeFromExtractionJsonAndAnOlderOneWithoutThemIsSaid(@TempDir Path dir) throws Exception {
        Path job = extract(dir, "hf-trainer-peft.ipynb");
        Review review = review(job, null); // no notebook beside the job: only extraction.json knows the loads
        assertThat(review.inventory().hubIds()).containsExactly(
                new Inventory.HubId("distilbert-base-uncased", "model", null, 11),
                new Inventory.HubId("distilbert-base-uncased", "tokenizer", null, 8),
                new Inventory.HubId("imdb", "dataset", null, 7));

        com.fasterxml.jackson.databind.node.ObjectNode extraction = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(job.resolve("extraction.json").toFile());
        extraction.remove("hub");
        Files.writeString(job.resolve("extraction.json"), extraction.toString());
        Review older = review(job, null);
        assertThat(older.inventory().hubIds()).isEmpty();
        assertThat(older.notes()).anySatisfy(n -> assertThat(n).contains("no \"hub\" array").contains("run lockstep extract again"));
    }

    @Test
    void aLockForAnotherVersionOfTheJobFails(@TempDir Path dir) throws Exception {
        Path job = extract(dir, "clean-reproducible.ipynb");
        LockFile lock = new LockFile(LockFile.VERSION, new LockFile.Job("0".repeat(64), "clean-reproducible.ipynb", null),
                null, List.of(), List.of(), null, List.of(), Map.of(), 0, Map.of(), null, null, List.of(), null);
        Files.writeString(job.resolve("lockstep.lock"), CanonicalJson.write(lock));
        assertThat(review(job, null).items().get(2).summary()).startsWith("lockstep.lock was made for another version");
    }

    @Test
    void withoutALockTheReviewSaysSo(@TempDir Path dir) {
        Path job = extract(dir, "clean-reproducible.ipynb");
        assertThat(review(job, null).items().get(2).evidence()).extracting(Evidence::text)
                .anySatisfy(t -> assertThat(t).startsWith("no lockstep.lock: the interpreter and packages are not locked"));
    }
}
