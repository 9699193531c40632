package dev.lockstep.analyzer.facts.params;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.notebook.Cell;
import dev.lockstep.analyzer.notebook.CellType;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.notebook.NotebookMetadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hyperparameter list extract lifts into lockstep.yaml params (and LS509 reports). */
class HyperparametersTest {

    private static List<Hyperparameter> find(String... sources) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            cells.add(new Cell(i, "c" + i, CellType.CODE, sources[i], i + 1, List.of(), List.of()));
        }
        AnalyzedNotebook notebook = new NotebookAnalyzer().analyze(
                new Notebook("t.ipynb", 4, 5, NotebookMetadata.EMPTY, cells, ""));
        return Hyperparameters.of(notebook);
    }

    @Test
    void valuesTypesAndSites() {
        List<Hyperparameter> found = find("LR = 1e-3\nepochs, batch_size = 10, -1\n",
                "from peft import LoraConfig\ncfg = LoraConfig(r=8, lora_alpha=0x10)\nopts = {'weight_decay': 1_000.5}");
        assertThat(found).extracting(Hyperparameter::name)
                .containsExactly("LR", "epochs", "batch_size", "r", "lora_alpha", "weight_decay");
        assertThat(found).extracting(Hyperparameter::parameter)
                .containsExactly("lr", "epochs", "batch_size", "lora_r", "lora_alpha", "weight_decay");
        assertThat(found).extracting(Hyperparameter::value)
                .containsExactly(0.001, 10L, -1L, 8L, 16L, 1000.5);
        assertThat(found).extracting(Hyperparameter::type)
                .containsExactly("float", "int", "int", "int", "int", "float");
        assertThat(found).extracting(Hyperparameter::site).containsExactly(Hyperparameter.Site.ASSIGNMENT,
                Hyperparameter.Site.ASSIGNMENT, Hyperparameter.Site.ASSIGNMENT, Hyperparameter.Site.KEYWORD_ARGUMENT,
                Hyperparameter.Site.KEYWORD_ARGUMENT, Hyperparameter.Site.DICTIONARY_ENTRY);
        Hyperparameter r = found.get(3);
        assertThat(r.callee()).isEqualTo("peft.LoraConfig");
        assertThat(r.source()).isEqualTo("8");
        assertThat(r.position().line()).isEqualTo(2);
        assertThat(r.position().column()).isEqualTo(20);
        assertThat(found.get(2).source()).isEqualTo("-1");
    }

    @Test
    void repeatedNamesGetUniqueParameters() {
        assertThat(find("lr = 1e-3", "import torch\nopt = torch.optim.SGD([], lr=0.1)", "lr = 1e-4"))
                .extracting(Hyperparameter::parameter).containsExactly("lr", "lr_2", "lr_3");
    }

    @Test
    void defaultsLocalsComputedValuesAndOtherNamesAreNotLifted() {
        assertThat(find("def train(lr=1e-3):\n    epochs = 5\n    return lr * epochs",
                "lr = params['lr']\nflag = True\ntest_size = 0.2\nepochs = 3 * 2\nuse_fp16 = True",
                "fit(r=3)\nds.map(f, batched=True, batch_size=1000)\nepochs = True\nlr = 1j")).isEmpty();
    }

    @Test
    void architecturePresetsAreFoundForExtractAndMarkedAsTheModelsShape() {
        List<Hyperparameter> found = find("hidden_size = 128\nNUM_LAYERS = 2\nlr = 1e-3",
                "import torch.nn as nn\nlayer = nn.TransformerEncoderLayer(d_model=512, nhead=8, dropout=0.1)");
        assertThat(found).extracting(Hyperparameter::name)
                .containsExactly("hidden_size", "NUM_LAYERS", "lr", "d_model", "dropout");
        assertThat(found).extracting(Hyperparameter::role).containsExactly(Hyperparameter.Role.ARCHITECTURE,
                Hyperparameter.Role.ARCHITECTURE, Hyperparameter.Role.TRAINING, Hyperparameter.Role.ARCHITECTURE,
                Hyperparameter.Role.TRAINING);
    }

    @Test
    void sweepVariantsAreFoundForExtractAndMarkedAsVariants() {
        List<Hyperparameter> found = find("configs = [{'lr': 0.1, 'epochs': 5}, {'lr': 0.01}]",
                "grid = (dict(batch_size=32), dict(batch_size=64))",
                "one = [{'lr': 0.3}]\nmixed = [{'lr': 0.2}, {'epochs': 3}]\nlr = 0.5");
        assertThat(found).extracting(Hyperparameter::parameter)
                .containsExactly("lr", "epochs", "lr_2", "batch_size", "batch_size_2", "lr_3", "lr_4", "epochs_2", "lr_5");
        assertThat(found).extracting(Hyperparameter::isVariant)
                .containsExactly(true, false, true, true, true, false, false, false, false);
    }
}
