package dev.lockstep.analyzer.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.facts.dependencies.RevisionKind;
import dev.lockstep.analyzer.facts.hub.HubLoad;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Hub-load fact: every load with its id (through the value evaluator), kind, revision, cell and line. */
class HubLoadsTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static List<String> describe(AnalyzedNotebook nb) {
        return nb.facts().hub().all().stream()
                .map(l -> l.kind() + " " + l.id() + " " + l.repository().jsonName() + " rev=" + l.revision() + " " + l.pin()
                        + (l.pinned() ? " pinned" : "") + (l.trustRemoteCode() ? " trust" : "") + " @" + l.cell() + ":" + l.line())
                .toList();
    }

    @Test
    void tokenizerAndModelOfOneIdThroughAVariableAreTwoLoadsInTheirCells() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze(
                "from transformers import AutoTokenizer, AutoModel\nname = 'org/bert-small'",
                "tok = AutoTokenizer.from_pretrained(name)",
                "\nmodel = AutoModel.from_pretrained(name, revision='v1.0', trust_remote_code=True)");
        assertThat(describe(nb)).containsExactly(
                "tokenizer org/bert-small model rev=null MISSING @2:1",
                "model org/bert-small model rev=v1.0 TAG trust @3:2");
    }

    @Test
    void aFullCommitIsPinnedAndADatasetRepositoryIsADataset() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze(
                "from huggingface_hub import hf_hub_download\nimport datasets\nfrom transformers import AutoModel",
                "m = AutoModel.from_pretrained('gpt2', revision='" + COMMIT + "')\n"
                        + "f = hf_hub_download('org/data', 'train.csv', repo_type='dataset', revision='main')\n"
                        + "d = datasets.load_dataset('imdb')");
        assertThat(describe(nb)).containsExactly(
                "model gpt2 model rev=" + COMMIT + " FULL_COMMIT pinned @2:1",
                "file org/data dataset rev=main BRANCH @2:2",
                "dataset imdb dataset rev=null MISSING @2:3");
    }

    @Test
    void localPathsPackagedBuildersAndComputedIdsAreNotHubLoads() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze(
                "import datasets, os\nfrom transformers import AutoModel",
                "m = AutoModel.from_pretrained('./checkpoints/best')\n"
                        + "d = datasets.load_dataset('csv', data_files='train.csv')\n"
                        + "x = AutoModel.from_pretrained(os.environ['MODEL'])\n"
                        + "model.save_pretrained('my-model')\n"
                        + "y = AutoModel.from_pretrained('my-model')");
        assertThat(nb.facts().hub().all()).isEmpty();
    }

    @Test
    void kwargsMakeAnUnwrittenRevisionUnknown() {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze(
                "from transformers import AutoModel\nkw = {}",
                "m = AutoModel.from_pretrained('gpt2', **kw)");
        assertThat(nb.facts().hub().all()).extracting(HubLoad::pin).containsExactly(RevisionKind.UNKNOWN);
    }
}
