package dev.lockstep.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.OrderMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped PyTorch adapter fine-tune, extracted, runs with Debian's Python (python3-torch,
 * numpy, pandas) straight from {@code python3 pipeline/main.py}, twice, and writes the same
 * weights bytes both times.
 */
class ExtractedJobRunsTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void thePytorchExampleRunsTwiceWithIdenticalWeights(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("train.csv");
        writeTrainingData(data, 96);
        Path notebook = repoRoot().resolve("test-notebooks/examples/pytorch-adapter-finetune.ipynb");
        Path job = dir.resolve("job");
        ExtractOptions options = new ExtractOptions(OrderMode.AUTO, false, true, 0, Map.of("data", data), List.of(),
                Map.of(), notebook.getParent(), job);
        new Extractor().extract(notebook, job, options, false, false);

        byte[] first = runAndRead(job, "out/adapter.pt");
        String firstMetrics = Files.readString(job.resolve("out/metrics.json"));
        byte[] second = runAndRead(job, "out/adapter.pt");
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(job.resolve("out/metrics.json"))).isEqualTo(firstMetrics).contains("val_acc");
    }

    private static byte[] runAndRead(Path job, String output) throws Exception {
        Files.deleteIfExists(job.resolve(output));
        Process process = new ProcessBuilder(PYTHON.toString(), "pipeline/main.py").directory(job.toFile())
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("python3 pipeline/main.py:\n%s", log).isZero();
        return Files.readAllBytes(job.resolve(output));
    }

    /** A small tabular file in the notebook's shape: f0..f7 float features, a 0/1 label. */
    private static void writeTrainingData(Path file, int rows) throws Exception {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("f0,f1,f2,f3,f4,f5,f6,f7,label\n");
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int f = 0; f < 8; f++) {
                double v = random.nextGaussian();
                sum += v * (f % 2 == 0 ? 1 : -0.5);
                csv.append(String.format(Locale.ROOT, "%.6f,", v));
            }
            csv.append(sum > 0 ? 1 : 0).append('\n');
        }
        Files.writeString(file, csv.toString());
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
