package dev.lockstep.analyzer.rules.portability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.rules.InventoryItem;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.testing.RepoPaths;
import dev.lockstep.analyzer.testing.Scans;
import org.junit.jupiter.api.Test;

/** LS509's inventory: training choices only, every place; architecture presets and sweep variants left out. */
class HyperparameterLiteralTest {

    private static FileReport scan(String fixture) {
        FileReport report = Scans.scan(RepoPaths.testNotebooks().resolve("rules/LS509").resolve(fixture), "LS509");
        assertThat(report.error()).isNull();
        return report;
    }

    @Test
    void theInventoryListsEveryPlaceOfATrainingChoiceAndNoPreset() {
        FileReport report = scan("positive-presets-and-sweeps.ipynb");
        assertThat(report.findings()).hasSize(1);
        assertThat(report.inventory()).extracting(InventoryItem::item).containsExactly("batch_size = 32",
                "learning_rate = 1e-3", "dropout = 0.1", "lr = 0.1", "lr = 0.01", "epochs = 3", "batch_size = 32");
        assertThat(report.inventory()).extracting(i -> i.location().cell()).containsExactly(2, 2, 3, 4, 4, 4, 5);
    }

    @Test
    void presetsSweepsAndSuffixedNamesLeaveNoInventory() {
        FileReport report = scan("negative-presets-and-sweeps.ipynb");
        assertThat(report.findings()).isEmpty();
        assertThat(report.inventory()).isEmpty();
    }
}
