import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JSON floor: a bare Jackson streaming pass (every token, nothing decoded or kept) over
 * the same files a scan reads, warm, on one thread.
 *
 * <pre>
 *   java -cp cli/target/lockstep.jar bench/JacksonFloor.java CORPUS_DIR [ROUNDS]
 * </pre>
 */
public final class JacksonFloor {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bytes = 0;
        long tokens = 0;
        long wall = 0;
        long cpu = 0;
        for (int r = -1; r < rounds; r++) { // round -1 warms up
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
                    JsonToken token;
                    while ((token = parser.nextToken()) != null) {
                        tokens += token.id();
                    }
                } catch (Exception e) {
                    // a file that is not JSON: the floor stops where the parser does
                }
                if (r == 0) {
                    bytes += Files.size(file);
                }
            }
            if (r >= 0) {
                wall += System.nanoTime() - start;
                cpu += threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        double seconds = wall / 1e9 / rounds;
        double cpuSeconds = cpu / 1e9 / rounds;
        System.out.printf("notebooks %d%n", files.size());
        System.out.printf("megabytes %.1f%n", bytes / 1e6);
        System.out.printf("jackson_seconds_per_pass %.3f%n", seconds);
        System.out.printf("jackson_notebooks_per_s %.1f%n", files.size() / seconds);
        System.out.printf("jackson_mb_per_s %.1f%n", bytes / 1e6 / seconds);
        System.out.printf("jackson_mb_per_cpu_s %.1f%n", bytes / 1e6 / cpuSeconds);
        System.out.printf("token_checksum %d%n", tokens);
    }
}
