package dev.lockstep.analyzer.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.facts.io.Access;
import dev.lockstep.analyzer.facts.io.IoAccess;
import dev.lockstep.analyzer.facts.io.IoCatalogue;
import dev.lockstep.analyzer.facts.io.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The I/O catalogue, asked through the facts: what each call reads or writes, and where. */
class IoFactsTest {

    private static List<String> places(String... cells) {
        AnalyzedNotebook nb = FactsTestNotebooks.analyze(cells);
        return nb.facts().io().accesses().stream()
                .map(a -> a.access() + " " + a.shape() + " " + a.api().displayName() + " "
                        + a.values().stream().map(v -> IoAccess.effectivePath(a.api(), v.value())).toList())
                .toList();
    }

    @Test
    void theCatalogueIsDataAndCoversTheCommonLibraries() {
        IoCatalogue catalogue = IoCatalogue.standard();
        assertThat(catalogue.apis()).hasSizeGreaterThan(100);
        assertThat(catalogue.forCall("torchvision.io.read_image")).isNotEmpty();
        assertThat(catalogue.forCall("IPython.display.Image")).isNotEmpty();
        assertThat(catalogue.forMethod("save_pretrained")).extracting(a -> a.shape()).containsExactly(Shape.FOLDER);
    }

    @Test
    void openReadsOrWritesByItsMode() {
        assertThat(places("with open('a.txt') as f: pass", "with open('b.txt', 'w') as f: pass",
                "with open('c.txt', mode='ab') as f: pass")).containsExactly(
                "READ FILE builtins.open [a.txt]", "WRITE FILE builtins.open [b.txt]", "WRITE FILE builtins.open [c.txt]");
    }

    @Test
    void numpyAddsItsSuffix() {
        assertThat(places("import numpy as np\nnp.save('my_array', [1])\nnp.save('b.npy', [1])\nnp.savez('z', a=[1])"))
                .containsExactly("WRITE FILE numpy.save [my_array.npy]", "WRITE FILE numpy.save [b.npy]",
                        "WRITE FILE numpy.savez [z.npz]");
    }

    @Test
    void computedPathsAndLibraries() {
        assertThat(places("import os, torch, json\nOUT = '/home/u/out'",
                "torch.save({}, os.path.join(OUT, 'adapter.pt'))",
                "with open(os.path.join(OUT, 'metrics.json'), 'w') as f:\n    json.dump({}, f)",
                "import torchvision\nimg = torchvision.io.read_image('/home/u/img.png')",
                "from IPython.display import Image\nImage(filename='figs/a.png')",
                "import glob\nfiles = glob.glob('data/sensors/part-*.csv')"))
                .containsExactly("WRITE FILE torch.save [/home/u/out/adapter.pt]",
                        "WRITE FILE builtins.open [/home/u/out/metrics.json]",
                        "READ FILE torchvision.io.read_image [/home/u/img.png]",
                        "READ FILE IPython.display.Image [figs/a.png]",
                        "LIST PATTERN glob.glob [data/sensors/part-*.csv]");
    }

    @Test
    void openFilesPassedOnAreNotPlaces() {
        assertThat(places("import json\nwith open('m.json', 'w') as f:\n    json.dump({}, f)\n    import pickle\n    pickle.dump(1, f)"))
                .containsExactly("WRITE FILE builtins.open [m.json]");
    }

    @Test
    void huggingFaceFoldersAndHubIds() {
        List<String> found = places("from transformers import AutoModel, TrainingArguments",
                "m = AutoModel.from_pretrained('bert-base-uncased', revision='abc')\nm.save_pretrained('out/model')",
                "args = TrainingArguments(output_dir='out/run')");
        assertThat(found).containsExactly("HUB_LOAD FOLDER .from_pretrained() [bert-base-uncased]",
                "WRITE FOLDER .save_pretrained() [out/model]", "WRITE FOLDER transformers.TrainingArguments [out/run]");
    }

    @Test
    void pathMethodsOnlyOnPaths() {
        assertThat(places("from pathlib import Path\nP = Path('out') / 'x.txt'\nP.write_text('hi')\n'abc'.open('w') if False else None"))
                .containsExactly("WRITE FILE .write_text() [out/x.txt]");
        assertThat(places("from pathlib import Path\nfiles = sorted(Path('data').glob('*.csv'))"))
                .containsExactly("LIST FOLDER .glob() [data]");
        assertThat(Access.MKDIR.changesFiles()).isTrue();
    }
}
