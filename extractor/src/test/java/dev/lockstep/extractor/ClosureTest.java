package dev.lockstep.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.extractor.plan.Blocker;
import dev.lockstep.extractor.plan.Change;
import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.ExtractionPlan;
import dev.lockstep.extractor.plan.InputSpec;
import dev.lockstep.extractor.plan.OrderMode;
import dev.lockstep.extractor.plan.OutputSpec;
import dev.lockstep.extractor.plan.PlannedCell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extract completes the job's closure: what the kept code reads is an input, what it writes is an
 * output under the run folder, and a place extract cannot determine or move is a blocker.
 */
class ClosureTest {
    private static final Path REPO = repoRoot();
    private static final Path EXAMPLES = REPO.resolve("test-notebooks/examples");

    @TempDir
    Path dir;

    private ExtractionPlan plan(Map<String, Path> inputs, List<String> params, String... cells) throws Exception {
        Path notebook = write(cells);
        return new Extractor().plan(notebook, options(notebook, inputs, params));
    }

    private ExtractOptions options(Path notebook, Map<String, Path> inputs, List<String> params) {
        return new ExtractOptions(OrderMode.AUTO, false, true, 0, inputs, params, Map.of(),
                notebook.toAbsolutePath().getParent(), dir.resolve("job"));
    }

    private Path write(String... cells) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode nb = json.createObjectNode();
        ArrayNode list = nb.putArray("cells");
        int n = 0;
        for (String source : cells) {
            ObjectNode cell = list.addObject();
            cell.put("cell_type", "code");
            cell.put("execution_count", ++n);
            cell.put("id", "c" + n);
            cell.putObject("metadata");
            cell.putArray("outputs");
            cell.put("source", source);
        }
        nb.putObject("metadata").putObject("kernelspec").put("name", "python3").put("language", "python");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        Path file = dir.resolve("nb.ipynb");
        Files.write(file, json.writeValueAsBytes(nb));
        return file;
    }

    private static String code(ExtractionPlan plan) {
        return plan.keptCells().stream().map(PlannedCell::code).collect(Collectors.joining("\n"));
    }

    private static Map<String, String> outputs(ExtractionPlan plan) {
        return plan.outputs().stream().collect(Collectors.toMap(OutputSpec::name, OutputSpec::path));
    }

    private static List<String> blockerIds(ExtractionPlan plan) {
        return plan.blockers().stream().map(b -> b.ruleId() + " cell " + b.cell() + ":" + b.line()).toList();
    }

    @Test
    void aLegacyAdapterSavingUnderAHomeFolderDeclaresBothOutputs() throws Exception {
        Path notebook = EXAMPLES.resolve("legacy-adapter-paths.ipynb");
        ExtractionPlan plan = new Extractor().plan(notebook, options(notebook, Map.of(), List.of()));
        assertThat(outputs(plan)).containsOnly(Map.entry("adapter", "out/adapter.pt"), Map.entry("metrics", "out/metrics.json"));
        assertThat(plan.blockers()).extracting(Blocker::ruleId).doesNotContain("EX001", "EX003", "EX004");
        assertThat(code(plan)).contains("OUT = CONFIG.outputs[\"adapter\"][:-len(\"/adapter.pt\")]")
                .doesNotContain("/home/alice");
    }

    @Test
    void theLegacyAdapterJobRunsTwiceWithIdenticalOutputs() throws Exception {
        Path notebook = EXAMPLES.resolve("legacy-adapter-paths.ipynb");
        Path job = dir.resolve("job");
        new Extractor().extract(notebook, job, options(notebook, Map.of(), List.of()), false, false);
        byte[] adapter = run(job, "out/adapter.pt");
        byte[] metrics = Files.readAllBytes(job.resolve("out/metrics.json"));
        assertThat(run(job, "out/adapter.pt")).isEqualTo(adapter);
        assertThat(Files.readAllBytes(job.resolve("out/metrics.json"))).isEqualTo(metrics);
        assertThat(new String(metrics, StandardCharsets.UTF_8)).contains("final_loss");
        assertThat(Path.of("/home/alice/projects/adapter/out")).doesNotExist();
    }

    @Test
    void aHelperThatSavesFiguresDeclaresOneOutputPerCall() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(),
                "from pathlib import Path\nimport matplotlib.pyplot as plt\nIMAGES_PATH = Path('/home/me/book/images')",
                "def save_fig(fig_id, extension='png'):\n    path = IMAGES_PATH / f'{fig_id}.{extension}'\n    plt.savefig(path)",
                "plt.plot([1, 2])\nsave_fig('loss')",
                "plt.plot([2, 1])\nsave_fig('accuracy')");
        assertThat(outputs(plan)).containsOnly(Map.entry("loss", "images/loss.png"), Map.entry("accuracy", "images/accuracy.png"));
        assertThat(code(plan)).contains("IMAGES_PATH = Path(CONFIG.outputs[\"loss\"][:-len(\"/loss.png\")])");
        assertThat(plan.blockers()).extracting(Blocker::ruleId).doesNotContain("EX003", "EX004");
    }

    @Test
    void aFileWrittenInsideAFolderOutputIsCoveredByTheFolder() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(),
                "from transformers import AutoModel\nmodel = AutoModel.from_pretrained('distilbert-base-uncased')",
                "model.save_pretrained('out/model')",
                "open('out/model/notes.txt', 'w').write('done')");
        assertThat(outputs(plan)).containsOnly(Map.entry("model", "out/model/"));
        assertThat(code(plan)).contains("CONFIG.outputs[\"model\"]").contains("(CONFIG.outputs[\"model\"] + \"/notes.txt\")").doesNotContain("'out/model");
    }

    @Test
    void aFileWrittenBeforeItsFolderIsDeclaredIsCoveredByTheFolder() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(),
                "import torch\nfrom transformers import AutoModel\nmodel = AutoModel.from_pretrained('distilbert-base-uncased')",
                "torch.save({'w': 1}, 'out/model.pt')",
                "print('training')",
                "model.save_pretrained('out')");
        assertThat(outputs(plan)).containsOnly(Map.entry("out", "out/"));
        assertThat(code(plan)).contains("torch.save({'w': 1}, (CONFIG.outputs[\"out\"] + \"/model.pt\"))")
                .contains("model.save_pretrained(CONFIG.outputs[\"out\"])");
    }

    @Test
    void aFolderConstantWrittenAsAWholeLaterCoversTheFilesWrittenUnderIt() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(),
                "import os\nimport torch\nfrom transformers import Trainer\nOUT = '/home/me/run'\nos.makedirs(OUT, exist_ok=True)",
                "torch.save({'w': 1}, os.path.join(OUT, 'model.pt'))",
                "trainer = Trainer(model=None)",
                "trainer.save_model(OUT)");
        assertThat(plan.outputs()).extracting(OutputSpec::path).containsExactly("run/");
        assertThat(code(plan)).doesNotContain("/home/me");
        assertThat(plan.blockers()).extracting(Blocker::ruleId).doesNotContain("EX003", "EX004");
    }

    @Test
    void numpyAddsItsSuffixToTheDeclaredOutput() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(), "import numpy as np\na = np.arange(3)", "np.save('my_array', a)");
        assertThat(outputs(plan)).containsOnly(Map.entry("my_array", "my_array.npy"));
        assertThat(code(plan)).contains("np.save(CONFIG.outputs[\"my_array\"][:-len(\".npy\")], a)");
    }

    @Test
    void anInvertedLiteralLiftsWithItsValue() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of("MASK"), "MASK = ~5\nopen('out.txt', 'w').write(str(MASK))");
        assertThat(plan.params()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("MASK");
            assertThat(p.value()).isEqualTo(-6L);
        });
    }

    @Test
    void anImageReadFromAHomeFolderIsLifted() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(), "import torchvision\nimport torch",
                "img = torchvision.io.read_image('/home/me/cat.png')\ntorch.save(img, 'img.pt')");
        assertThat(plan.inputs()).extracting(InputSpec::name, InputSpec::original).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cat", "/home/me/cat.png"));
        assertThat(code(plan)).contains("torchvision.io.read_image(CONFIG.inputs[\"cat\"])").doesNotContain("/home/me");
        assertThat(plan.blockers()).extracting(Blocker::ruleId).contains("EX002");
    }

    @Test
    void aGlobPatternIsAFolderInputAndFilesItListsAreCovered() throws Exception {
        Files.createDirectories(dir.resolve("data/sensors"));
        Files.writeString(dir.resolve("data/sensors/part-000.csv"), "a\n1\n");
        ExtractionPlan plan = plan(Map.of(), List.of(), "import glob\nimport pandas as pd",
                "shards = sorted(glob.glob('data/sensors/part-*.csv'))\ndf = pd.concat([pd.read_csv(p) for p in shards])",
                "df.to_csv('out/all.csv')");
        assertThat(plan.inputs()).extracting(InputSpec::name).containsExactly("sensors");
        assertThat(plan.inputs().get(0).bound()).isTrue();
        assertThat(code(plan)).contains("glob.glob((CONFIG.inputs[\"sensors\"] + \"/part-*.csv\"))");
        assertThat(plan.blockers()).extracting(Blocker::ruleId).doesNotContain("EX001", "EX002", "EX003", "EX004");
    }

    @Test
    void theShippedCleanExampleTakesItsSensorFolderAsAnInput() throws Exception {
        Path notebook = EXAMPLES.resolve("clean-reproducible.ipynb");
        ExtractionPlan plan = new Extractor().plan(notebook,
                options(notebook, Map.of("sensors", EXAMPLES.resolve("data/sensors")), List.of()));
        assertThat(plan.inputs()).extracting(InputSpec::name).contains("sensors", "params");
        assertThat(plan.inputs()).allSatisfy(i -> assertThat(i.bound()).isTrue());
        assertThat(outputs(plan)).containsKeys("model", "metrics");
    }

    @Test
    void aPlaceExtractCannotDetermineIsABlockerNamingCellAndLine() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(), "import torch\nm = torch.zeros(2)",
                "name = input()\ntorch.save(m, name)");
        assertThat(blockerIds(plan)).contains("EX003 cell 2:2");
        ExtractionPlan home = plan(Map.of(), List.of(), "import torch, os\nm = torch.zeros(2)",
                "torch.save(m, os.path.join('/home/me/out', input()))");
        assertThat(blockerIds(home)).contains("EX004 cell 2:1");
    }

    @Test
    void aShellLookAtTheDataReadsAnInputAndDoesNotStopTheJob() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/x.csv"), "a,b\n1,2\n");
        ExtractionPlan plan = plan(Map.of(), List.of(), "import pandas as pd\n!head -4 data/x.csv",
                "df = pd.read_csv('data/x.csv')\ndf.to_csv('out.csv')");
        assertThat(plan.inputs()).extracting(InputSpec::name).containsExactly("x");
        assertThat(code(plan)).contains("subprocess.run([\"head\", \"-4\", CONFIG.inputs[\"x\"]])")
                .doesNotContain("\"data/x.csv\"");
    }

    @Test
    void aNotebookTidyingUpItsOwnOutputsKeepsThemAndAShellLookReadsThemWhereTheJobWrites() throws Exception {
        // pydata-book ch04 saves arrays, shows them with a shell command, then deletes them with !rm.
        ExtractionPlan plan = plan(Map.of(), List.of(), "import numpy as np\narr = np.arange(3)\nnp.save('some_array', arr)\n!ls -l some_array.npy",
                "!rm some_array.npy",
                "import pandas as pd, os\npd.DataFrame({'a': [1]}).to_csv('out.csv')\nos.remove('out.csv')");
        assertThat(outputs(plan)).containsOnly(Map.entry("some_array", "some_array.npy"), Map.entry("out", "out.csv"));
        assertThat(code(plan)).contains("subprocess.run([\"ls\", \"-l\", CONFIG.outputs[\"some_array\"]])")
                .doesNotContain("\"rm\"").doesNotContain("os.remove");
        assertThat(plan.changes()).extracting(Change::summary)
                .contains("dropped the deletion of \"some_array.npy\": it is output 'some_array', which the job keeps for verify to compare",
                        "dropped the deletion of \"out.csv\": it is output 'out', which the job keeps for verify to compare");
    }

    @Test
    void aDeletionThatAlsoRemovesSomethingElseStaysAndNamesTheOutputWhereTheJobWritesIt() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(), "import numpy as np\nnp.save('kept', np.arange(3))",
                "!rm -f scratch.tmp kept.npy");
        assertThat(code(plan)).contains("subprocess.run([\"rm\", \"-f\", \"scratch.tmp\", CONFIG.outputs[\"kept\"]], check=True)");
    }

    @Test
    void anExcelWriterIsWhereTheWorkbookIsWrittenNotTheSheetCall() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(), "import pandas as pd\nframe = pd.DataFrame({'a': [1, 2]})",
                "writer = pd.ExcelWriter('examples/ex2.xlsx')\nframe.to_excel(writer, 'Sheet1')\nwriter.close()",
                "store = pd.HDFStore('examples/mydata.h5')\nstore['obj1'] = frame\nstore.close()");
        assertThat(outputs(plan)).containsOnly(Map.entry("ex2", "examples/ex2.xlsx"), Map.entry("mydata", "examples/mydata.h5"));
        assertThat(code(plan)).contains("pd.ExcelWriter(CONFIG.outputs[\"ex2\"])").contains("pd.HDFStore(CONFIG.outputs[\"mydata\"])");
        assertThat(plan.blockers()).extracting(Blocker::ruleId).doesNotContain("EX003");
    }

    @Test
    void aFileWrittenAboveTheNotebooksFolderLandsInTheRunFolderWithTheFolderMadeForIt() throws Exception {
        // d2l's pandas chapter: os.makedirs(os.path.join('..', 'data')), then writes house_tiny.csv there.
        Path notebook = write("import os\nos.makedirs(os.path.join('..', 'data'), exist_ok=True)\n"
                        + "data_file = os.path.join('..', 'data', 'house_tiny.csv')\nwith open(data_file, 'w') as f:\n    f.write('a,b\\n1,2\\n')",
                "import pandas as pd\ndata = pd.read_csv(data_file)\nprint(data)");
        Path job = dir.resolve("job");
        ExtractionPlan plan = new Extractor().plan(notebook, options(notebook, Map.of(), List.of()));
        assertThat(outputs(plan)).containsOnly(Map.entry("house_tiny", "out/data/house_tiny.csv"));
        assertThat(code(plan)).contains("os.makedirs(CONFIG.outputs[\"house_tiny\"][:-len(\"/house_tiny.csv\")], exist_ok=True)")
                .doesNotContain("'..'");
        assertThat(plan.blockers()).extracting(Blocker::ruleId).doesNotContain("EX003", "EX004");
        new Extractor().extract(notebook, job, options(notebook, Map.of(), List.of()), false, false);
        assertThat(new String(run(job, "out/data/house_tiny.csv"), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aFolderMadeAboveTheNotebookForNoOutputIsABlocker() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(), "import os\nos.makedirs('../scratch', exist_ok=True)\nopen('out.txt', 'w').write('x')");
        assertThat(blockerIds(plan)).contains("EX004 cell 1:2");
    }

    @Test
    void aCellWhoseOnlyStatementRaisedInTheSavedSessionIsLeftOut() throws Exception {
        // pydata-book ch03 shows on purpose that a tuple cannot be changed: tup[2] = False, saved with a TypeError.
        Path notebook = write("tup = tuple(['foo', [1, 2], True])", "tup[2] = False", "x = 1\ny = x + 1",
                "open('out.txt', 'w').write(str(tup))");
        ObjectMapper json = new ObjectMapper();
        ObjectNode nb = (ObjectNode) json.readTree(notebook.toFile());
        ObjectNode error = ((ArrayNode) nb.get("cells").get(1).get("outputs")).addObject();
        error.put("output_type", "error");
        error.put("ename", "TypeError");
        error.put("evalue", "'tuple' object does not support item assignment");
        error.putArray("traceback");
        Files.write(notebook, json.writeValueAsBytes(nb));
        ExtractionPlan plan = new Extractor().plan(notebook, options(notebook, Map.of(), List.of()));
        assertThat(code(plan)).doesNotContain("tup[2] = False").contains("write(str(tup))");
        assertThat(plan.cells().get(1).reason())
                .isEqualTo("left out: its only statement raised TypeError in the saved session, so it changed nothing the saved results saw");
    }

    @Test
    void aWalkSortsEachFoldersListsAsItGoesAndStillWalksEverything() throws Exception {
        for (String file : List.of("corpus/b/2.txt", "corpus/b/1.txt", "corpus/a/z.txt", "corpus/a/c/y.txt", "corpus/x.txt")) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.writeString(dir.resolve(file), file);
        }
        Path notebook = write("import os, json\nfound = []\nfor root, dirs, fnames in os.walk('corpus'):\n"
                + "    for fname in fnames:\n        found.append(os.path.basename(root) + '/' + fname)\n"
                + "json.dump(found, open('found.json', 'w'))");
        Path job = dir.resolve("job");
        new Extractor().extract(notebook, job, options(notebook, Map.of(), List.of()), false, false);
        assertThat(new String(Files.readAllBytes(job.resolve("pipeline/main.py")), StandardCharsets.UTF_8))
                .contains("_dirs.sort() or _dirs");
        assertThat(new String(run(job, "found.json"), StandardCharsets.UTF_8))
                .isEqualTo("[\"corpus/x.txt\", \"a/z.txt\", \"c/y.txt\", \"b/1.txt\", \"b/2.txt\"]");
    }

    @Test
    void theJobReadsEachSecretFromTheVariableTheScanNames() throws Exception {
        Path notebook = REPO.resolve("test-notebooks/rules/LS601/positive.ipynb");
        ExtractionPlan plan = new Extractor().plan(notebook, options(notebook, Map.of(), List.of()));
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("os\\.environ\\[\"([A-Z0-9_]+)\"\\]");
        java.util.TreeSet<String> scanned = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(REPO.resolve("test-notebooks/rules/LS601/positive.expected"))) {
            java.util.regex.Matcher m = named.matcher(line);
            if (m.find()) {
                scanned.add(m.group(1));
            }
        }
        scanned.remove("GITHUB_TOKEN"); // in a markdown cell: no job code holds it
        assertThat(scanned).hasSizeGreaterThan(5);
        assertThat(plan.secrets()).containsAll(scanned);
        // %env WANDB_API_KEY=... is a credential too: it never reaches lockstep.yaml, the README or the script.
        Extractor.files(plan).forEach((file, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as(file).doesNotContain("FakeWandbKeyForLockstepFixtures0123"));
    }

    @Test
    void bracesInAShellEscapeAreExpandedAsIPythonDoes() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(), "from pathlib import Path\nIMAGES = Path('images')",
                "!dot -Tpng {IMAGES / \"tree.dot\"} -o {IMAGES / \"tree.png\"}\nopen('done.txt', 'w').write('ok')");
        assertThat(code(plan)).contains("\"dot -Tpng \" + str(IMAGES / \"tree.dot\") + \" -o \" + str(IMAGES / \"tree.png\")")
                .contains("check=True");
    }

    @Test
    void localPackagesWithoutInitAndOnTheNotebooksSysPathAreShippedNotRequired() throws Exception {
        Files.createDirectories(dir.resolve("lib/mylib"));
        Files.writeString(dir.resolve("lib/mylib/core.py"), "def f():\n    return 1\n");
        Files.createDirectories(dir.resolve("micrograd"));
        Files.writeString(dir.resolve("micrograd/engine.py"), "class Value:\n    pass\n");
        ExtractionPlan plan = plan(Map.of(), List.of(), "import sys\nsys.path.append('lib')",
                "from mylib.core import f\nfrom micrograd.engine import Value\nopen('out.txt', 'w').write(str(f()) + str(Value))");
        assertThat(plan.shipped()).containsKeys("pipeline/mylib/core.py", "pipeline/micrograd/engine.py");
        assertThat(plan.requirements()).extracting(r -> r.distribution()).doesNotContain("mylib", "micrograd");
        assertThat(plan.blockers()).extracting(Blocker::ruleId).doesNotContain("LS406");
    }

    @Test
    void aTeamsOwnWriteApiInLockstepTomlIsADeclaredOutput() throws Exception {
        String cell = "import teamlib\nteamlib.save_artifact({'a': 1}, 'out/artifact.bin')";
        assertThat(outputs(plan(Map.of(), List.of(), cell))).isEmpty(); // not in the built-in catalogue
        Files.writeString(dir.resolve("lockstep.toml"), "[[io]]\ncall = \"teamlib.save_artifact\"\naccess = \"write\"\n"
                + "path = { position = 1, keyword = \"dest\" }\n");
        ExtractionPlan plan = plan(Map.of(), List.of(), cell);
        assertThat(outputs(plan)).containsOnly(Map.entry("artifact", "out/artifact.bin"));
        assertThat(code(plan)).contains("teamlib.save_artifact({'a': 1}, CONFIG.outputs[\"artifact\"])");
        assertThat(plan.blockers()).extracting(Blocker::ruleId).doesNotContain("EX001");
    }

    @Test
    void aBadLockstepTomlStopsExtractWithOneLineNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("lockstep.toml"), "[[io]]\ncall = \"teamlib.save_artifact\"\naccess = \"scribble\"\n");
        Path notebook = write("open('out.txt', 'w').write('x')");
        assertThatThrownBy(() -> new Extractor().plan(notebook, options(notebook, Map.of(), List.of())))
                .isInstanceOf(ExtractException.class)
                .hasMessageStartingWith(dir.resolve("lockstep.toml").toString())
                .hasMessageContaining("unknown access 'scribble'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFileALocalModuleReadsIsADeclaredInputAndTheJobRuns() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/x.csv"), "a,b\n1,2\n3,4\n");
        Files.writeString(dir.resolve("helpers.py"), "import pandas as pd\n\n\ndef load():\n    return pd.read_csv(\"data/x.csv\")\n");
        Path notebook = write("import helpers", "df = helpers.load()\ndf.to_csv('out/sums.csv')");
        Path job = dir.resolve("job");
        ExtractionPlan plan = new Extractor().extract(notebook, job, options(notebook, Map.of(), List.of()), false, false).plan();
        assertThat(plan.inputs()).extracting(InputSpec::name, InputSpec::original).containsExactly(tuple("x", "data/x.csv"));
        assertThat(plan.inputs().get(0).bound()).isTrue();
        assertThat(plan.blockers()).extracting(Blocker::ruleId).doesNotContain("EX002", "EX003", "EX004");
        assertThat(Files.readString(job.resolve("pipeline/helpers.py")))
                .contains("pd.read_csv(__import__(\"lockstep_config\").load().inputs[\"x\"])");
        assertThat(Files.readString(dir.resolve("helpers.py"))).contains("pd.read_csv(\"data/x.csv\")"); // the source is only read
        assertThat(Files.readString(job.resolve("README.md"))).contains("the notebook read `data/x.csv` (in a local module the job ships)");
        // The job runs from its own folder, where data/x.csv is not: it reads the bound input.
        assertThat(new String(run(job, "out/sums.csv"), StandardCharsets.UTF_8)).contains("1,2").contains("3,4");
    }

    @Test
    void aReadInALocalModuleWhosePlaceIsUnknownIsABlockerNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve("helpers.py"), "import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path)\n");
        ExtractionPlan plan = plan(Map.of(), List.of(), "import helpers", "df = helpers.load('data/x.csv')\ndf.to_csv('out/sums.csv')");
        assertThat(plan.blockers()).filteredOn(b -> b.ruleId().equals("EX003")).extracting(Blocker::message)
                .singleElement().asString().startsWith("helpers.py:5: ");
    }

    @Test
    void aJobThatDeclaresNoOutputIsBlocked() throws Exception {
        ExtractionPlan plan = plan(Map.of(), List.of(), "x = 1 + 1\nprint(x)");
        assertThat(plan.blockers()).extracting(Blocker::ruleId).contains("EX001");
    }

    private static byte[] run(Path job, String output) throws Exception {
        Files.deleteIfExists(job.resolve(output));
        Process process = new ProcessBuilder("/usr/bin/python3", "pipeline/main.py").directory(job.toFile())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("python3 pipeline/main.py:\n%s", log).isZero();
        return Files.readAllBytes(job.resolve(output));
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-notebooks"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root");
    }
}
