package dev.lockstep.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.extractor.plan.ExtractOptions;
import dev.lockstep.extractor.plan.OrderMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job handed to a colleague: extracted in one folder, copied to another, the data it was made
 * with gone from where it was, and run there with the command its README gives after binding the
 * inputs the way its README lists them; with real java and Debian's python3 (torch, numpy,
 * pandas). And the same with {@code --carry-inputs}, where the copied folder runs as it is.
 */
class HandedOverJobTest {
    private static final Pattern BIND_LINE = Pattern.compile("^ *(java RunJob\\.java (--[\\w-]+) PATH) .*# or: (lockstep run \\. --input (\\w+)=PATH)$",
            Pattern.MULTILINE);

    @Test
    void aCopiedJobRunsWithTheReadmesCommandAfterBindingItsInputs(@TempDir Path dir) throws Exception {
        Path made = dir.resolve("made");
        Path data = made.resolve("data/train.csv");
        writeTrainingData(data, 64);
        Path job = extract(made, data, false);

        String yaml = Files.readString(job.resolve("lockstep.yaml"));
        assertThat(yaml).doesNotContain("../");
        String readme = Files.readString(job.resolve("README.md"));
        assertThat(readme).doesNotContain(dir.toString()).doesNotContain(made.toString())
                .contains("python3 -m pip install -r pipeline/requirements.txt")
                .contains("sudo apt-get install python3-numpy python3-pandas python3-torch");

        // The colleague's machine: the job folder copied elsewhere, the data at another place.
        Path colleague = dir.resolve("colleague");
        Path copy = copyTree(job, colleague.resolve("adapter-job"));
        Path theirData = colleague.resolve("downloads/train.csv");
        Files.createDirectories(theirData.getParent());
        Files.move(data, theirData);

        Matcher bind = BIND_LINE.matcher(readme);
        assertThat(bind.find()).as(readme).isTrue();
        assertThat(bind.group(2)).isEqualTo("--data");
        assertThat(bind.group(4)).isEqualTo("data");
        assertThat(readme).contains("java RunJob.java            # or: lockstep run .");

        // Not bound: refused, with a hint in RunJob.java's own syntax.
        Result unbound = java(copy, "RunJob.java");
        assertThat(unbound.exit()).as(unbound.output()).isEqualTo(1);
        assertThat(unbound.output()).contains("input data is missing").contains("bind another one: --data PATH")
                .doesNotContain("--input");

        // Bound as the README says: runs, and verifies identical.
        Result run = java(copy, "RunJob.java", "--data", theirData.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        Result verify = java(copy, "RunJob.java", "verify", "--data", theirData.toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("adapter  identical").contains("metrics  identical")
                .contains("verify passed: 2 outputs identical or within tolerance");
    }

    @Test
    void aJobThatCarriesItsInputsRunsAsItIsWhereverItIsCopied(@TempDir Path dir) throws Exception {
        Path made = dir.resolve("made");
        Path data = made.resolve("data/train.csv");
        writeTrainingData(data, 64);
        Path job = extract(made, data, true);

        assertThat(Files.readString(job.resolve("lockstep.yaml"))).contains("data: {path: \"data/data/train.csv\"");
        assertThat(job.resolve("data/data/train.csv")).hasSameBinaryContentAs(data);
        Path copy = copyTree(job, dir.resolve("elsewhere/job"));
        Files.delete(data);

        Result run = java(copy, "RunJob.java");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.readString(copy.resolve("README.md"))).contains("`data/data/train.csv` in this job");
    }

    private static Path extract(Path made, Path data, boolean carry) {
        Path notebook = repoRoot().resolve("test-notebooks/examples/pytorch-adapter-finetune.ipynb");
        Path job = made.resolve("jobs/adapter");
        ExtractOptions options = new ExtractOptions(OrderMode.AUTO, false, true, 0, Map.of("data", data), List.of(),
                Map.of(), notebook.getParent(), job);
        new Extractor().extract(notebook, job, options, false, false, carry);
        return job;
    }

    private record Result(int exit, String output) {}

    private static Result java(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /** A small tabular file in the notebook's shape: f0..f7 float features, a 0/1 label. */
    private static void writeTrainingData(Path file, int rows) throws Exception {
        Random random = new Random(11);
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
        Files.createDirectories(file.getParent());
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
