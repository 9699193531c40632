package dev.lockstep.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.CellType;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.notebook.NotebookMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which code makes the notebook's namespace invisible to analysis (LS104/LS105 stay silent after it). */
class DynamicNamespaceIndexTest {

    private static AnalyzedNotebook analyze(String... sources) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            cells.add(new Cell(i, "c" + i, CellType.CODE, sources[i], i + 1, List.of(), List.of()));
        }
        return new NotebookAnalyzer().analyze(new Notebook("t.ipynb", 4, 5, NotebookMetadata.EMPTY, cells, ""));
    }

    @Test
    void pylabStarImportsUnlessToldNotTo() {
        assertThat(analyze("%pylab inline", "plot(linspace(0, 1))").dynamicNamespacePoints())
                .containsExactly(new ProgramPoint(0, 0));
        assertThat(analyze("%pylab --no-import-all", "x = 1").hasDynamicNamespace()).isFalse();
    }

    @Test
    void varsOfAnObjectIsNotTheNamespace() {
        AnalyzedNotebook notebook = analyze("import argparse\nargs = argparse.Namespace(lr=0.01)\nvars(args)['lr'] = 0.1\n"
                + "key = 'lr'\nvars(args)[key] = 0.2");
        assertThat(notebook.hasDynamicNamespace()).isFalse();
        assertThat(notebook.definedNames()).containsExactly("argparse", "args", "key");
    }

    @Test
    void namespaceWritesStillCount() {
        assertThat(analyze("name = 'x'\nglobals()[name] = 1").hasDynamicNamespace()).isTrue();
        assertThat(analyze("vars()['y'] = 2").definedNames()).containsExactly("y");
    }
}
