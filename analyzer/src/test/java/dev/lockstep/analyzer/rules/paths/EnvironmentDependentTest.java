package dev.lockstep.analyzer.rules.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.rules.InventoryItem;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.testing.RepoPaths;
import dev.lockstep.analyzer.testing.Scans;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** LS205 lists every read in the inventory and reports one summary; reads of variables set first are left out. */
class EnvironmentDependentTest {

    private static FileReport scan(String fixture) {
        Path notebook = RepoPaths.testNotebooks().resolve("rules/LS205").resolve(fixture);
        FileReport report = Scans.scan(notebook, "LS205");
        assertThat(report.error()).isNull();
        return report;
    }

    private static String inventory(FileReport report) {
        StringBuilder out = new StringBuilder();
        for (InventoryItem item : report.inventory()) {
            out.append(item.ruleId()).append(" cell ").append(item.location().cell()).append(':')
                    .append(item.location().line()).append(' ').append(item.item()).append('\n');
        }
        return out.toString();
    }

    @Test
    void everyReadIsInTheInventoryAndOneFindingSummarisesThem() {
        FileReport report = scan("positive.ipynb");
        assertThat(report.findings()).hasSize(1);
        assertThat(inventory(report)).isEqualTo("""
                LS205 cell 2:1 os.environ['WANDB_PROJECT']
                LS205 cell 2:2 os.getenv('DATA_DIR')
                LS205 cell 3:1 os.environ.get('HF_TOKEN')
                LS205 cell 4:1 getpass.getuser() (the user name)
                LS205 cell 4:2 socket.gethostname() (the host name)
                LS205 cell 4:3 platform.node() (the host name)
                LS205 cell 5:1 os.environ['OMP_NUM_THREADS']
                LS205 cell 6:1 'CI' in os.environ
                """);
    }

    @Test
    void aVariableSetAfterTheReadOrOnlyDefaultedOrSetOutsideTheKernelIsStillTheMachines() {
        FileReport report = scan("positive-not-set-first.ipynb");
        assertThat(report.findings()).hasSize(1);
        assertThat(inventory(report)).isEqualTo("""
                LS205 cell 2:1 os.environ['SEED']
                LS205 cell 3:2 os.environ['WANDB_PROJECT']
                LS205 cell 4:2 os.getenv('DATA_DIR')
                LS205 cell 5:2 os.environ.get('CACHE_DIR')
                LS205 cell 6:2 os.environ['OUT_DIR']
                """);
    }

    @Test
    void variablesTheNotebookSetsItselfFirstAreNotRead() {
        FileReport report = scan("negative-set-itself.ipynb");
        assertThat(report.findings()).isEmpty();
        assertThat(report.inventory()).isEmpty();
    }
}
