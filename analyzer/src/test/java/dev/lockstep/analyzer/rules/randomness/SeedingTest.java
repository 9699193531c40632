package dev.lockstep.analyzer.rules.randomness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.NotebookReader;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** Where seeds count: helper functions, library helpers, trainers, execution order. */
class SeedingTest {

    /** A notebook whose code cells have the given sources and execution counts 1, 2, 3... */
    private static AnalyzedNotebook notebook(String... sources) throws Exception {
        int[] counts = new int[sources.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i + 1;
        }
        return notebook(counts, sources);
    }

    /** A notebook whose code cells have the given sources, saved with the given execution counts. */
    private static AnalyzedNotebook notebook(int[] counts, String... sources) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode cells = root.putArray("cells");
        for (int i = 0; i < sources.length; i++) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code");
            cell.put("id", "c" + i);
            cell.put("execution_count", counts[i]);
            cell.putObject("metadata");
            cell.putArray("outputs");
            cell.put("source", sources[i]);
        }
        root.putObject("metadata");
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        byte[] bytes = json.writeValueAsBytes(root);
        return new NotebookAnalyzer().analyze(new NotebookReader().read(new ByteArrayInputStream(bytes), "test.ipynb"));
    }

    private static CallSite call(AnalyzedNotebook notebook, String qualifiedName) {
        return notebook.calls().stream().filter(c -> qualifiedName.equals(c.qualifiedName())).findFirst().orElseThrow();
    }

    @Test
    void aHelperOfTheNotebookSeedsEverythingAfterTheCellThatCallsIt() throws Exception {
        AnalyzedNotebook nb = notebook(
                "import random, numpy as np, torch\n\ndef set_seed(s):\n    random.seed(s)\n    np.random.seed(s)\n"
                        + "    torch.manual_seed(s)\n",
                "set_seed(42)\n",
                "random.random()\nnp.random.rand(2)\ntorch.randn(2)\n");
        Seeding seeding = Seeding.of(nb);
        assertThat(seeding.isSeededBefore(call(nb, "random.random"), Seeding.Generator.PYTHON)).isTrue();
        assertThat(seeding.isSeededBefore(call(nb, "numpy.random.rand"), Seeding.Generator.NUMPY)).isTrue();
        assertThat(seeding.isSeededBefore(call(nb, "torch.randn"), Seeding.Generator.TORCH)).isTrue();
        assertThat(seeding.isSeededBefore(call(nb, "torch.randn"), Seeding.Generator.TENSORFLOW)).isFalse();
    }

    @Test
    void aHelperThatIsNeverCalledSeedsNothing() throws Exception {
        AnalyzedNotebook nb = notebook(
                "import random\n\ndef set_seed(s):\n    random.seed(s)\n",
                "random.random()\n");
        assertThat(Seeding.of(nb).isSeededBefore(call(nb, "random.random"), Seeding.Generator.PYTHON)).isFalse();
        assertThat(Seeding.of(nb).seedsAnywhere(Seeding.Generator.PYTHON)).isFalse();
    }

    @Test
    void aHelperCalledOnlyAfterTheDrawDoesNotSeedIt() throws Exception {
        AnalyzedNotebook nb = notebook(
                "import random\n\ndef set_seed(s):\n    random.seed(s)\n",
                "random.random()\n",
                "set_seed(1)\n");
        assertThat(Seeding.of(nb).isSeededBefore(call(nb, "random.random"), Seeding.Generator.PYTHON)).isFalse();
    }

    @Test
    void aHelperCalledThroughAnotherFunctionSeedsWhereThatOneIsCalled() throws Exception {
        AnalyzedNotebook nb = notebook(
                "import numpy as np\n\ndef set_seed(s):\n    np.random.seed(s)\n\ndef setup():\n    set_seed(0)\n",
                "setup()\n",
                "np.random.rand(3)\n");
        assertThat(Seeding.of(nb).isSeededBefore(call(nb, "numpy.random.rand"), Seeding.Generator.NUMPY)).isTrue();
    }

    @Test
    void helpersFromModulesAnalysisCannotSeeCountAsSeedingEverything() throws Exception {
        AnalyzedNotebook nb = notebook(
                "import numpy as np\nfrom lab.utils import seed_everything\n",
                "seed_everything(3)\n",
                "np.random.rand(3)\n");
        assertThat(Seeding.of(nb).isSeededBefore(call(nb, "numpy.random.rand"), Seeding.Generator.NUMPY)).isTrue();
    }

    @Test
    void aLibraryFunctionWithAHelperLikeNameIsNotASeed() throws Exception {
        AnalyzedNotebook nb = notebook(
                "import numpy as np\nimport torch\n",
                "torch.set_seed(3)\n",
                "np.random.rand(3)\n");
        assertThat(Seeding.of(nb).isSeededBefore(call(nb, "numpy.random.rand"), Seeding.Generator.NUMPY)).isFalse();
    }

    @Test
    void aSeedWithoutValueSeedsFromEntropy() throws Exception {
        AnalyzedNotebook nb = notebook("import random\nrandom.seed()\nrandom.seed(None)\nrandom.random()\n");
        assertThat(Seeding.of(nb).isSeededBefore(call(nb, "random.random"), Seeding.Generator.PYTHON)).isFalse();
    }

    @Test
    void aHuggingFaceTrainerSeedsWhatComesAfterItsConstruction() throws Exception {
        AnalyzedNotebook nb = notebook(
                "import torch\nfrom transformers import Trainer\n\nclass MyTrainer(Trainer):\n    pass\n",
                "torch.randn(1)\ntrainer = MyTrainer(model=None)\ntorch.rand(1)\n");
        Seeding seeding = Seeding.of(nb);
        assertThat(seeding.isSeededBefore(call(nb, "torch.randn"), Seeding.Generator.TORCH)).isFalse();
        assertThat(seeding.isSeededBefore(call(nb, "torch.rand"), Seeding.Generator.TORCH)).isTrue();
    }

    @Test
    void aSeedLaterInTheDocumentButEarlierInTheRecordedSessionCounts() throws Exception {
        AnalyzedNotebook nb = notebook("import random\n", "random.random()\n", "random.seed(0)\n");
        // The same cells, but the draw cell ran last (count 3) and the seed cell before it (count 2).
        AnalyzedNotebook recorded = notebook(new int[] {1, 3, 2}, "import random\n", "random.random()\n",
                "random.seed(0)\n");
        assertThat(Seeding.of(nb).isSeededBefore(call(nb, "random.random"), Seeding.Generator.PYTHON)).isFalse();
        assertThat(Seeding.of(recorded).isSeededBefore(call(recorded, "random.random"), Seeding.Generator.PYTHON)).isTrue();
    }
}
