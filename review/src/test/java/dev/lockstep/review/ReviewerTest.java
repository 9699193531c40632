package dev.lockstep.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdicts a reviewer expects for the shipped examples, item by item (P pass, F fail, - not applicable). */
class ReviewerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // notebook,                       1 2 3 4 5 6 7 8 9
        "clean-reproducible.ipynb,        F - P P - F P P F",
        "gpu-finetune.ipynb,              - - F F F F F P F",
        "hf-trainer-peft.ipynb,           - F F F F F F F F",
        "legacy-v3.ipynb,                 F - F F - F F P F",
        "pytorch-adapter-finetune.ipynb,  F - F F F F F P F",
        "sklearn-churn-model.ipynb,       F - F F F F F P F",
    })
    void examples(String notebook, String expected) {
        Review review = single(TestNotebooks.examples().resolve(notebook));
        assertThat(review.error()).isNull();
        assertThat(statuses(review)).isEqualTo(expected.strip());
        assertThat(review.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aBareNotebookNeverPassesItemNineAndSaysWhy() {
        Review review = single(TestNotebooks.examples().resolve("clean-reproducible.ipynb"));
        ItemResult nine = review.items().get(8);
        assertThat(nine.status()).isEqualTo(ItemStatus.FAIL);
        assertThat(nine.summary()).contains("a notebook alone shows no reproduction");
    }

    @Test
    void findingsDecideTheirItemAndLinkToTheFinding() {
        Review review = single(TestNotebooks.examples().resolve("hf-trainer-peft.ipynb"));
        ItemResult revisions = review.items().get(1);
        assertThat(revisions.evidence()).filteredOn(e -> e.finding() >= 0).isNotEmpty()
                .allSatisfy(e -> assertThat(review.findings().get(e.finding()).ruleId()).isIn("LS402", "LS403", "LS404"));
        assertThat(review.inventory().hubIds()).extracting(Inventory.HubId::id)
                .contains("imdb", "distilbert-base-uncased");
    }

    @Test
    void theBoardListsEachHubLoadFromTheNotebooksFactsTokenizerAndModelOfOneIdApart() {
        // LS402 reports distilbert-base-uncased once (the tokenizer, naming the model's cell as a repeat): the board does not read it.
        Review review = single(TestNotebooks.examples().resolve("hf-trainer-peft.ipynb"));
        assertThat(review.inventory().hubIds()).containsExactly(
                new Inventory.HubId("distilbert-base-uncased", "model", null, 11),
                new Inventory.HubId("distilbert-base-uncased", "tokenizer", null, 8),
                new Inventory.HubId("imdb", "dataset", null, 7));
    }

    @Test
    void aTeamsOwnReaderInLockstepTomlCountsInTheReviewAsInScan(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("nb.ipynb");
        Files.writeString(notebook, """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "code", "id": "a", "execution_count": 1, "metadata": {}, "outputs": [],
                  "source": "import mylib\\ndf = mylib.fetch_table('https://example.com/data.csv')\\ndf.to_csv('out.csv')"}]}
                """);
        assertThat(single(notebook).findings()).noneMatch(f -> f.ruleId().equals("LS204"));
        Files.writeString(dir.resolve("lockstep.toml"), "[[io]]\ncall = \"mylib.fetch_table\"\naccess = \"read\"\npath = { position = 0 }\n");
        assertThat(single(notebook).findings()).anyMatch(f -> f.ruleId().equals("LS204")
                && f.message().startsWith("mylib.fetch_table reads https://example.com"));
    }

    @Test
    void theGraphHasOutOfOrderEdgesWhereANameIsDefinedBelowItsUse() {
        Review review = single(TestNotebooks.examples().resolve("sklearn-churn-model.ipynb"));
        assertThat(review.graph().edges()).anySatisfy(e -> {
            assertThat(e.outOfOrder()).isTrue();
            assertThat(e.names()).contains("model");
            assertThat(e.from()).isGreaterThan(e.to());
        });
        assertThat(review.graph().nodes()).anySatisfy(n -> assertThat(n.kept()).isFalse());
        assertThat(review.graph().nodes()).anySatisfy(n -> assertThat(n.blocked()).isTrue());
    }

    @Test
    void aFolderIsReviewedNotebookByNotebookInSortedOrder() {
        ReviewSet set = new Reviewer().review(TestNotebooks.examples().toString(), Reviewer.Options.none());
        assertThat(set.folder()).isTrue();
        assertThat(set.reviews()).extracting(r -> Path.of(r.path()).getFileName().toString()).containsExactly(
                "clean-reproducible.ipynb", "gpu-finetune.ipynb", "hf-trainer-peft.ipynb", "legacy-adapter-paths.ipynb",
                "legacy-v3.ipynb",
                "pytorch-adapter-finetune.ipynb", "sklearn-churn-model.ipynb");
    }

    @Test
    void anUnreadableNotebookInAFolderIsOneErrorAndTheRestIsReviewed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-broken.ipynb"), "{\"cells\": [");
        Files.copy(TestNotebooks.examples().resolve("legacy-v3.ipynb"), dir.resolve("b.ipynb"));
        ReviewSet set = new Reviewer().review(dir.toString(), Reviewer.Options.none());
        assertThat(set.reviews()).hasSize(2);
        assertThat(set.reviews().get(0).error()).isNotNull();
        assertThat(set.reviews().get(1).error()).isNull();
        assertThat(set.anyFailedToRead()).isTrue();
    }

    @Test
    void badPathsAreRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> new Reviewer().review(dir.resolve("nope.ipynb").toString(), Reviewer.Options.none()))
                .isInstanceOf(ReviewException.class).hasMessageContaining("no such file or directory");
        assertThatThrownBy(() -> new Reviewer().review(dir.toString(), Reviewer.Options.none()))
                .isInstanceOf(ReviewException.class).hasMessageContaining("no notebooks");
    }

    @Test
    void aReplayRecordThatShowsTheSavedOutputsAgainPassesItemNine(@TempDir Path dir) throws Exception {
        // The shape `lockstep replay --record DIR` writes (runtime ReplayReportFormat).
        Path records = Files.createDirectories(dir.resolve("replays"));
        Files.writeString(records.resolve("clean-reproducible.replay-seeded.json"), "{\"compare\": \"saved\", \"compared\": 9,"
                + " \"counts\": {\"identical\": 8, \"volatile only\": 1, \"differs\": 0}, \"seeding\": \"seeded\","
                + " \"verdict\": \"reproduced\", \"version\": 1}");
        Files.writeString(records.resolve("legacy-v3.replay.json"), "{\"compared\": 3, \"verdict\": \"not reproduced\"}");
        Path notebook = TestNotebooks.examples().resolve("clean-reproducible.ipynb");
        ItemResult passed = new Reviewer().review(notebook.toString(), new Reviewer.Options(null, List.of(records)))
                .reviews().get(0).items().get(8);
        assertThat(passed.status()).isEqualTo(ItemStatus.PASS);
        assertThat(passed.evidence()).extracting(Evidence::text).containsExactly(
                "replay reproduced: 9 cell(s) compared with the saved outputs, seeded: 8 identical, 1 volatile only");
        ItemResult differs = new Reviewer().review(TestNotebooks.examples().resolve("legacy-v3.ipynb").toString(),
                new Reviewer.Options(null, List.of(records.resolve("legacy-v3.replay.json")))).reviews().get(0).items().get(8);
        assertThat(differs.status()).isEqualTo(ItemStatus.FAIL);
        assertThat(differs.evidence()).anySatisfy(e -> {
            assertThat(e.decides()).isTrue();
            assertThat(e.text()).startsWith("replay not reproduced: 3 cell(s) compared");
        });
        Path nothing = Files.writeString(dir.resolve("empty.json"), "{\"compared\": 0, \"verdict\": \"nothing compared\"}");
        assertThat(new Reviewer().review(notebook.toString(), new Reviewer.Options(null, List.of(nothing))).reviews().get(0)
                .items().get(8).status()).isEqualTo(ItemStatus.FAIL);
        assertThatThrownBy(() -> new Reviewer().review(notebook.toString(),
                new Reviewer.Options(null, List.of(dir.resolve("absent.json")))))
                .isInstanceOf(ReviewException.class).hasMessageContaining("no such file");
    }

    @Test
    void textAndJsonAreByteIdenticalTwice() {
        String path = TestNotebooks.examples().toString();
        assertThat(text(path)).isEqualTo(text(path));
        assertThat(json(path)).isEqualTo(json(path));
        assertThat(json(path)).startsWith("{\n  \"version\": 1,").contains("\"verdict\": \"fail\"");
    }

    static String text(String path) {
        StringWriter out = new StringWriter();
        TextReviewReport.write(new Reviewer().review(path, Reviewer.Options.none()), new PrintWriter(out));
        return out.toString();
    }

    static String json(String path) {
        StringWriter out = new StringWriter();
        JsonReviewReport.write(new Reviewer().review(path, Reviewer.Options.none()), new PrintWriter(out));
        return out.toString();
    }

    static Review single(Path notebook) {
        ReviewSet set = new Reviewer().review(notebook.toString(), Reviewer.Options.none());
        assertThat(set.reviews()).hasSize(1);
        return set.reviews().get(0);
    }

    static String statuses(Review review) {
        return review.items().stream().map(i -> switch (i.status()) {
            case PASS -> "P";
            case FAIL -> "F";
            case NOT_APPLICABLE -> "-";
        }).collect(Collectors.joining(" "));
    }
}
