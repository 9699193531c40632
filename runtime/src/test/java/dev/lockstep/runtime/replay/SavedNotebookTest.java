package dev.lockstep.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading notebooks for replay, the cell orders and how far up the working copy must reach (no Python). */
class SavedNotebookTest {

  @TempDir Path temp;

  private SavedNotebook read(String json) throws Exception {
    Path nb = temp.resolve("nb.ipynb");
    Files.writeString(nb, json);
    return SavedNotebook.read(nb);
  }

  private static String cells(String... sources) {
    StringBuilder json = new StringBuilder("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [");
    for (int i = 0; i < sources.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": ")
          .append(sources[i]).append('}');
    }
    return json.append("]}").toString();
  }

  @Test
  void parentPathsDecideHowFarUpTheCopyReaches() throws Exception {
    assertThat(Replayer.parentDepth(read(cells("\"open('data.csv')\"")))).isZero();
    assertThat(Replayer.parentDepth(read(cells("\"pd.read_csv('../data/x.csv')\"")))).isEqualTo(1);
    assertThat(Replayer.parentDepth(read(cells("\"import sys\\nsys.path.append('../..')\"", "\"open(\\\"../../../../x\\\")\""))))
        .as("at most three levels").isEqualTo(3);
    assertThat(Replayer.parentDepth(read(cells("\"x = a..b\"", "\"'...'\"")))).isZero();
  }

  @Test
  void recordedOrderFollowsSavedCountsThenDocumentOrder() throws Exception {
    SavedNotebook nb = read("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
        + "{\"cell_type\": \"code\", \"execution_count\": 3, \"metadata\": {}, \"outputs\": [], \"source\": \"a\"},"
        + "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"m\"},"
        + "{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], \"source\": \"b\"},"
        + "{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": [], \"source\": [\"c\", \"d\"]}]}");
    assertThat(Replayer.order(nb, ReplayOrder.DOCUMENT)).extracting(NotebookCell::number).containsExactly(1, 3, 4);
    assertThat(Replayer.order(nb, ReplayOrder.RECORDED)).extracting(NotebookCell::number).containsExactly(4, 1, 3);
    assertThat(nb.codeCells().get(2).source()).isEqualTo("cd");
  }

  @Test
  void nbformat3OutputsAreReadInTheVersion4Shape() throws Exception {
    SavedNotebook nb = read("{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {\"language\": \"python\"},"
        + " \"worksheets\": [{\"cells\": [{\"cell_type\": \"code\", \"input\": \"1+1\", \"prompt_number\": 1, \"outputs\": ["
        + "{\"output_type\": \"pyout\", \"prompt_number\": 1, \"text\": [\"2\"]},"
        + "{\"output_type\": \"stream\", \"stream\": \"stdout\", \"text\": \"hi\\n\"}]}]}]}");
    NotebookCell cell = nb.codeCells().get(0);
    assertThat(cell.executionCount()).isEqualTo(1);
    assertThat(CellOutputs.of(cell.outputs()).rich().get(0)).containsEntry("text/plain", "2");
    assertThat(CellOutputs.of(cell.outputs()).stdout()).isEqualTo("hi\n");
  }

  @Test
  void notANotebookIsOneClearLine() throws Exception {
    assertThatThrownBy(() -> read("[1, 2]")).hasMessageEndingWith("not a notebook (the top level is not a JSON object)");
    assertThatThrownBy(() -> read("{\"nbformat\": 5}")).hasMessageContaining("nbformat 5; expected 3 or 4");
  }
}
