import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.NotebookAnalyzer;
import dev.lockstep.analyzer.config.ConfigResolver;
import dev.lockstep.analyzer.config.RuleSelection;
import dev.lockstep.analyzer.notebook.Notebook;
import dev.lockstep.analyzer.notebook.NotebookFormatException;
import dev.lockstep.analyzer.notebook.NotebookReader;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.NotebookChecker;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.scan.NotebookFiles;
import dev.lockstep.analyzer.scan.ScanSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * Warm, in-process scan timings: per-notebook latency percentiles and single-thread throughput,
 * after warm-up passes, plus where the time goes (read, analyse, rules).
 *
 * <pre>
 *   java -cp cli/target/lockstep.jar bench/WarmScan.java CORPUS_DIR [ROUNDS]
 * </pre>
 *
 * One thread, so figures compare with one core of the floors (bench/JacksonFloor.java,
 * bench/cpython_floor.py). Prints one "key value" line per figure.
 */
public final class WarmScan {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -cp lockstep.jar WarmScan.java CORPUS_DIR [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<NotebookFiles.Target> targets = NotebookFiles.expand(List.of(args[0]));
        long bytes = 0;
        for (NotebookFiles.Target t : targets) {
            bytes += Files.size(t.path());
        }
        ConfigResolver configs = ConfigResolver.discovering(RuleSelection.NONE);
        configs.prepare(targets.stream().map(NotebookFiles.Target::path).toList());

        // Warm-up: one whole pass (JIT, class loading, tree-sitter library).
        for (NotebookFiles.Target t : targets) {
            configs.settingsFor(t.path()).scanner().scan(t.path(), t.displayPath());
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] perFile = new long[targets.size() * rounds];
        long total = 0;
        long cpu = 0;
        int k = 0;
        long findings = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (NotebookFiles.Target t : targets) {
                long s = System.nanoTime();
                FileReport report = configs.settingsFor(t.path()).scanner().scan(t.path(), t.displayPath());
                perFile[k++] = System.nanoTime() - s;
                findings += report.findings().size();
            }
            total += System.nanoTime() - start;
            cpu += threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(perFile);
        double seconds = total / 1e9 / rounds;
        System.out.printf("notebooks %d%n", targets.size());
        System.out.printf("megabytes %.1f%n", bytes / 1e6);
        System.out.printf("findings_per_round %d%n", findings / rounds);
        System.out.printf("warm_seconds_per_pass %.3f%n", seconds);
        System.out.printf("warm_cpu_seconds_per_pass %.3f%n", cpu / 1e9 / rounds);
        System.out.printf("warm_notebooks_per_s %.1f%n", targets.size() / seconds);
        System.out.printf("warm_notebooks_per_cpu_s %.1f%n", targets.size() / (cpu / 1e9 / rounds));
        System.out.printf("warm_mb_per_s %.2f%n", bytes / 1e6 / seconds);
        System.out.printf("warm_mb_per_cpu_s %.2f%n", bytes / 1e6 / (cpu / 1e9 / rounds));
        System.out.printf("per_notebook_p50_ms %.2f%n", perFile[perFile.length / 2] / 1e6);
        System.out.printf("per_notebook_p99_ms %.2f%n", perFile[(int) (perFile.length * 0.99)] / 1e6);
        System.out.printf("per_notebook_max_ms %.2f%n", perFile[perFile.length - 1] / 1e6);

        // Phases, one more pass: read (JSON), analyse (IPython, tree-sitter, scopes), rules.
        NotebookReader reader = new NotebookReader();
        NotebookAnalyzer analyzer = new NotebookAnalyzer();
        long read = 0;
        long analyse = 0;
        long check = 0;
        for (NotebookFiles.Target t : targets) {
            ScanSettings settings = configs.settingsFor(t.path());
            NotebookChecker checker = new NotebookChecker(settings.rules());
            long a = threads.getCurrentThreadCpuTime();
            Notebook nb;
            try {
                nb = reader.read(t.path(), t.displayPath());
            } catch (NotebookFormatException e) {
                read += threads.getCurrentThreadCpuTime() - a;
                continue;
            }
            long b = threads.getCurrentThreadCpuTime();
            AnalyzedNotebook analysed = analyzer.analyze(nb);
            long c = threads.getCurrentThreadCpuTime();
            List<Finding> found = settings.filter().apply(analysed, checker.check(analysed));
            long d = threads.getCurrentThreadCpuTime();
            read += b - a;
            analyse += c - b;
            check += d - c;
            if (found == null) {
                throw new AssertionError();
            }
        }
        System.out.printf("phase_read_cpu_s %.3f%n", read / 1e9);
        System.out.printf("phase_analyse_cpu_s %.3f%n", analyse / 1e9);
        System.out.printf("phase_rules_cpu_s %.3f%n", check / 1e9);
    }
}
