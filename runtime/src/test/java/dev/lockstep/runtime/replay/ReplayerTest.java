package dev.lockstep.runtime.replay;

import static dev.lockstep.runtime.replay.ReplayNotebooks.notebook;
import static dev.lockstep.runtime.replay.ReplayNotebooks.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockstep.jobformat.hash.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays the small test notebooks with Debian's /usr/bin/python3 (and its IPython). */
class ReplayerTest {

  @TempDir Path temp;

  private static CellReport cell(ReplayReport report, int number) {
    return report.cells().stream().filter(c -> c.number() == number).findFirst().orElseThrow();
  }

  @Test
  void everyVerdictOnceAndTheNotebookUntouched() throws Exception {
    Path nb = notebook("verdicts");
    String before = Sha256.of(Files.readAllBytes(nb));
    String dataBefore = Files.readString(nb.resolveSibling("data.txt"));
    ReplayReport report = new Replayer().replay(ReplayNotebooks.withCellTimeout(request(nb), Duration.ofSeconds(2))).report();

    assertThat(report.cells()).extracting(CellReport::number).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(cell(report, 2).verdict()).isEqualTo(Verdict.IDENTICAL);
    assertThat(cell(report, 3).verdict()).isEqualTo(Verdict.WITHIN_TOLERANCE);
    assertThat(cell(report, 4).verdict()).isEqualTo(Verdict.VOLATILE_ONLY);
    assertThat(cell(report, 4).volatileKinds()).containsExactly("memory address");
    assertThat(cell(report, 5).verdict()).isEqualTo(Verdict.DIFFERS);
    assertThat(cell(report, 5).detail()).isEqualTo("stdout line 1: saved 'rows: 120', replay 'rows: 150'");
    assertThat(cell(report, 6).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(cell(report, 6).detail()).isEqualTo("KeyError: 'b'");
    assertThat(cell(report, 7).verdict()).isEqualTo(Verdict.NOT_RUN);
    assertThat(cell(report, 7).detail()).contains("--cell-timeout 2 s");
    assertThat(cell(report, 8).verdict()).as("the replay goes on after a timeout").isEqualTo(Verdict.IDENTICAL);
    assertThat(cell(report, 9).verdict()).isEqualTo(Verdict.NOT_COMPARED);
    assertThat(report.outcome()).isEqualTo(ReplayReport.Outcome.NOT_REPRODUCED);
    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(report.engine()).startsWith("ipython ");

    assertThat(Sha256.of(Files.readAllBytes(nb))).isEqualTo(before);
    assertThat(Files.readString(nb.resolveSibling("data.txt"))).isEqualTo(dataBefore);
  }

  @Test
  void volatileTextIsRecognisedAndNamedKindByKind() throws Exception {
    ReplayReport report = new Replayer().replay(request(notebook("volatile"))).report();

    assertThat(report.cells()).allSatisfy(c -> assertThat(c.verdict()).as("cell %d: %s", c.number(), c.detail())
        .isEqualTo(Verdict.VOLATILE_ONLY));
    assertThat(report.cells()).extracting(c -> c.volatileKinds().get(0)).containsExactly(
        "memory address", "temporary path", "process id", "timestamp", "timing", "uuid", "html element id",
        "progress bar", "kernel temporary path");
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void imagesCompareByPixelsWithATolerance() throws Exception {
    ReplayReport report = new Replayer().replay(request(notebook("images"))).report();

    assertThat(cell(report, 2).verdict()).as("same pixels, other bytes").isEqualTo(Verdict.IDENTICAL);
    assertThat(cell(report, 3).verdict()).as("one pixel off by 4").isEqualTo(Verdict.WITHIN_TOLERANCE);
    assertThat(cell(report, 3).detail()).contains("1 of 400 pixels differ");
    assertThat(cell(report, 4).verdict()).as("the square moved").isEqualTo(Verdict.DIFFERS);
    assertThat(cell(report, 4).detail()).contains("50 of 400 pixels differ");
  }

  @Test
  void seedingMakesUnseededDrawsRepeatAndMatchTheSavedOutputs() throws Exception {
    ReplayRequest base = request(notebook("random"));
    String prelude = "import random\nrandom.seed(0)\n";

    ReplayReport asIsTwice = new Replayer().replay(ReplayNotebooks.with(base, Seeding.AS_IS, "", true)).report();
    assertThat(asIsTwice.cells()).extracting(CellReport::verdict).containsOnly(Verdict.DIFFERS);
    assertThat(asIsTwice.cells().get(0).detail()).startsWith("stdout line 1: run 1 '");

    ReplayReport seededTwice = new Replayer().replay(ReplayNotebooks.with(base, Seeding.SEEDED, prelude, true)).report();
    assertThat(seededTwice.cells()).extracting(CellReport::verdict).containsOnly(Verdict.IDENTICAL);
    assertThat(seededTwice.exitCode()).isZero();

    ReplayReport seeded = new Replayer().replay(ReplayNotebooks.with(base, Seeding.SEEDED, prelude, false)).report();
    assertThat(seeded.cells()).extracting(CellReport::verdict).containsOnly(Verdict.IDENTICAL);
  }

  @Test
  void aBrokenPreludeIsReportedAndFailsTheReplay() throws Exception {
    ReplayRequest request = ReplayNotebooks.with(request(notebook("random")), Seeding.SEEDED, "import no_such_module_x\n", false);
    ReplayReport report = new Replayer().replay(request).report();
    assertThat(report.preludeError()).hasValueSatisfying(e -> assertThat(e).startsWith("ModuleNotFoundError"));
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void sysExitKeepsTheKernelButOsExitEndsTheReplay() throws Exception {
    ReplayReport report = new Replayer().replay(request(notebook("exits"))).report();

    assertThat(cell(report, 2).verdict()).as("a kernel survives sys.exit").isEqualTo(Verdict.IDENTICAL);
    assertThat(cell(report, 3).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(cell(report, 3).detail()).startsWith("the interpreter exited with code 3 while this cell ran");
    assertThat(cell(report, 4).verdict()).isEqualTo(Verdict.NOT_RUN);
    assertThat(cell(report, 4).detail()).isEqualTo("the interpreter ended in cell 3");
  }

  @Test
  void recordedOrderRunsCellsByTheirSavedCounts() throws Exception {
    ReplayRequest document = request(notebook("recorded-order"));
    assertThat(new Replayer().replay(document).report().cells().get(0).verdict()).isEqualTo(Verdict.ERROR);
    ReplayReport recorded = new Replayer().replay(ReplayNotebooks.withOrder(document, ReplayOrder.RECORDED)).report();
    assertThat(recorded.cells()).extracting(CellReport::verdict).containsOnly(Verdict.IDENTICAL);
  }

  @Test
  void withoutIPythonTheTranslatedCodeRuns() throws Exception {
    ReplayRequest request = ReplayNotebooks.plain(request(notebook("magics")),
        Map.of(0, "total = sum(range(10))\ntotal", 1, "get_ipython().system('echo from the shell')"));
    ReplayReport report = new Replayer().replay(request).report();

    assertThat(report.engine()).isEqualTo("plain python");
    assertThat(cell(report, 1).detail()).as("the plain engine prints no %%time line").contains("CPU times");
    assertThat(cell(report, 2).verdict()).isEqualTo(Verdict.IDENTICAL);
  }

  @Test
  void nothingComparedIsNoSuccess() throws Exception {
    ReplayReport report = new Replayer().replay(request(notebook("never-run"))).report();
    assertThat(report.outcome()).isEqualTo(ReplayReport.Outcome.NOTHING_COMPARED);
    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(ReplayReportFormat.text(report)).contains("NOTHING COMPARED");
  }

  @Test
  void aNotebookSavedWithOutputsClearedButCountsKeptClaimsNothing() throws Exception {
    Path nb = temp.resolve("cleared.ipynb");
    Files.writeString(nb, """
        {"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": "print(1)"}],
         "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """);
    ReplayReport report = new Replayer().replay(request(nb)).report();
    assertThat(report.outcome()).isEqualTo(ReplayReport.Outcome.NOTHING_COMPARED);
    assertThat(cell(report, 1).detail()).contains("saved with outputs cleared");
  }

  @Test
  void anotherKernelLanguageIsRefused() {
    assertThatThrownBy(() -> new Replayer().replay(request(notebook("r-kernel"))))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("kernel runs R, not Python")
        .satisfies(e -> assertThat(((ReplayException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void anUnreadableNotebookIsRefused() throws Exception {
    Path broken = temp.resolve("broken.ipynb");
    Files.writeString(broken, "{\"cells\": [");
    assertThatThrownBy(() -> new Replayer().replay(request(broken)))
        .isInstanceOf(ReplayException.class)
        .hasMessageStartingWith(broken + ": not valid JSON");
  }

  @Test
  void hugeOutputIsCappedAndSaid() throws Exception {
    Path nb = temp.resolve("huge.ipynb");
    Files.writeString(nb, """
        {"cells": [
          {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": "print('x' * 50_000_000)"},
          {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [
            {"output_type": "stream", "name": "stdout", "text": "done\\n"}], "source": "print('done')"}],
         "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """);
    ReplayReport report = new Replayer().replay(ReplayNotebooks.withCap(request(nb), 100_000)).report();

    assertThat(cell(report, 1).verdict()).isEqualTo(Verdict.DIFFERS);
    assertThat(cell(report, 1).notes()).singleElement().asString()
        .contains("output over the cap: 49900001 characters were not kept");
    assertThat(cell(report, 2).verdict()).isEqualTo(Verdict.IDENTICAL);
  }

  @Test
  void theWholeReplaysTimeoutStopsItAndNamesIt() throws Exception {
    Path nb = temp.resolve("slow.ipynb");
    Files.writeString(nb, """
        {"cells": [
          {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": "import time\\ntime.sleep(120)"},
          {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": "print(1)"}],
         "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        """);
    ReplayReport report = new Replayer().replay(ReplayNotebooks.withTimeout(request(nb), Duration.ofSeconds(10))).report();

    // On a loaded machine the interpreter may not even have reached cell 1 in 10 s: either way both are not run.
    assertThat(report.cells()).extracting(CellReport::verdict).containsExactly(Verdict.NOT_RUN, Verdict.NOT_RUN);
    assertThat(cell(report, 1).detail()).isEqualTo("the replay ran past --timeout 10 s");
    assertThat(cell(report, 2).detail()).endsWith("the replay ran past --timeout 10 s");
  }

  @Test
  void theReportIsTheSameEveryTime() throws Exception {
    ReplayRequest request = request(notebook("images"));
    String first = ReplayReportFormat.jsonText(new Replayer().replay(request).report());
    String second = ReplayReportFormat.jsonText(new Replayer().replay(request).report());
    assertThat(second).isEqualTo(first);
  }

  @Test
  void writeGivesACopyWithFreshOutputsAndCountsOneToN(@TempDir Path out) throws Exception {
    Replayer.Result result = new Replayer().replay(ReplayNotebooks.withOrder(request(notebook("recorded-order")), ReplayOrder.RECORDED));
    Path written = out.resolve("replayed.ipynb");
    ReplayedNotebook.write(result, written);

    SavedNotebook copy = SavedNotebook.read(written);
    assertThat(copy.codeCells()).extracting(NotebookCell::executionCount).containsExactly(2, 1);
    assertThat(copy.codeCells().get(0).outputs().get(0).path("data").path("text/plain").asText()).isEqualTo("6");
    assertThat(copy.codeCells().get(0).outputs().get(0).path("execution_count").asInt()).isEqualTo(2);
    ReplayReport again = new Replayer().replay(ReplayNotebooks.withOrder(request(written), ReplayOrder.RECORDED)).report();
    assertThat(again.cells()).extracting(CellReport::verdict).containsOnly(Verdict.IDENTICAL);
    assertThat(List.of(Files.list(out).toArray())).hasSize(1);
  }
}
