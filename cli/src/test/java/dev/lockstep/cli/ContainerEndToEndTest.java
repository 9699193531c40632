package dev.lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closure, for real: a Debian base image made offline with debootstrap (cached in
 * ~/.cache/lockstep-test), a NumPy notebook from test-notebooks/ extracted, locked and built into
 * an image twice (same digest), run twice with podman (runc) with its input mounted read-only
 * (byte-identical outputs), refused inside the container when one input byte changes, and pushed
 * to Debian's docker-registry on 127.0.0.1 and inspected with skopeo. Where the tools are missing
 * or podman cannot run containers, the test is skipped with the reason printed, never passed.
 */
class ContainerEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PODMAN_RUN = List.of("podman", "--runtime", "runc", "run", "--rm", "--network", "none",
            "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024");

    @TempDir Path temp;

    @Test
    void notebookToImageToContainerRunsToRegistry() throws Exception {
        for (String tool : List.of("podman", "runc", "skopeo", "docker-registry", "debootstrap")) {
            skipUnless(onPath(tool), tool + " is not installed (scripts/ensure-container-tools.sh installs it)");
        }
        Path root = CliRunner.repoRoot();
        Path cacheHome = Path.of(System.getProperty("user.home"), ".cache", "lockstep-test");
        long t0 = System.nanoTime();
        Proc base = exec(List.of("bash", root.resolve("scripts/make-test-base-image.sh").toString(),
                cacheHome.resolve("bookworm-numpy.tar").toString()), 1800);
        skipUnless(base.code() == 0, "cannot make the Debian base image: " + base.err().strip());
        Path baseTar = Path.of(base.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        System.out.printf(Locale.ROOT, "[container-e2e] base image ready in %.1f s (%d bytes)%n", secs(t0), Files.size(baseTar));

        // extract, lock
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.copy(root.resolve("test-notebooks/containers/data/points.csv"), data.resolve("points.csv"));
        Path job = temp.resolve("job");
        CliRunner.Result extract = CliRunner.run("extract", root.resolve("test-notebooks/containers/numpy-least-squares.ipynb").toString(),
                "-o", job.toString(), "--input", "points=" + data.resolve("points.csv"),
                "--requirements", root.resolve("test-notebooks/containers/numpy-least-squares.requirements.txt").toString());
        assertThat(extract.exitCode()).as(extract.err()).isZero();
        CliRunner.Result lock = CliRunner.run("lock", job.toString(), "--python", "/usr/bin/python3");
        assertThat(lock.exitCode()).as(lock.err()).isZero();

        // build twice: same digest, same bytes
        Path cache = cacheHome.resolve("build-cache");
        long b1 = System.nanoTime();
        CliRunner.Result first = CliRunner.run("build", job.toString(), "--to", "tar:" + temp.resolve("a.tar"),
                "--base", "tar:" + baseTar, "--cache", cache.toString());
        double firstSeconds = secs(b1);
        assertThat(first.exitCode()).as(first.err()).isZero();
        long b2 = System.nanoTime();
        CliRunner.Result second = CliRunner.run("build", job.toString(), "--to", "tar:" + temp.resolve("b.tar"),
                "--base", "tar:" + baseTar, "--cache", cache.toString());
        double secondSeconds = secs(b2);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(digestLine(second.out())).isEqualTo(digestLine(first.out())).startsWith("sha256:");
        assertThat(Files.mismatch(temp.resolve("a.tar"), temp.resolve("b.tar"))).isEqualTo(-1L);
        System.out.printf(Locale.ROOT, "[container-e2e] build %.1f s, rebuild %.1f s%n%s", firstSeconds, secondSeconds, first.out());
        JsonNode record = JSON.readTree(job.resolve("lockstep.image.json").toFile());
        String imageId = record.get("imageId").asText().replace("sha256:", "");
        String inputPath = record.at("/inputs/points").asText();

        Proc load = exec(List.of("podman", "load", "-i", temp.resolve("a.tar").toString()), 600);
        skipUnless(load.code() == 0, "podman cannot load images here: " + load.err().strip());
        try {
            List<String> probe = new ArrayList<>(PODMAN_RUN);
            probe.addAll(List.of("--entrypoint", "/usr/bin/python3", imageId, "-c", "print('ok')"));
            Proc probed = exec(probe, 300);
            skipUnless(probed.code() == 0 && probed.out().contains("ok"),
                    "podman cannot run containers on this machine: " + (probed.err() + probed.out()).strip());

            // two runs, input read-only: byte-identical outputs
            List<Path> runs = new ArrayList<>();
            double containerSeconds = 0;
            for (String name : List.of("runs1", "runs2")) {
                Path runsDir = Files.createDirectories(temp.resolve(name));
                long r = System.nanoTime();
                Proc run = exec(container(data.resolve("points.csv"), inputPath, runsDir, imageId), 600);
                containerSeconds = secs(r);
                assertThat(run.code()).as(run.err() + run.out()).isZero();
                assertThat(run.out()).contains("succeeded");
                try (Stream<Path> ids = Files.list(runsDir)) {
                    runs.add(ids.findFirst().orElseThrow());
                }
            }
            for (String output : List.of("out/coef.npy", "out/metrics.json")) {
                assertThat(Files.readAllBytes(runs.get(1).resolve(output))).isEqualTo(Files.readAllBytes(runs.get(0).resolve(output)));
            }
            JsonNode provenance = JSON.readTree(runs.get(0).resolve("provenance.json").toFile());
            assertThat(provenance.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
            assertThat(provenance.get("subject")).hasSize(2);

            // the same job with `lockstep run` on this machine, for the report
            long l = System.nanoTime();
            CliRunner.Result local = CliRunner.run("run", job.toString(), "--python", "/usr/bin/python3");
            double localSeconds = secs(l);
            assertThat(local.exitCode()).as(local.err()).isZero();
            System.out.printf(Locale.ROOT, "[container-e2e] container run %.1f s (podman start included), lockstep run %.1f s%n",
                    containerSeconds, localSeconds);

            // one changed byte: refused inside the container
            byte[] bytes = Files.readAllBytes(data.resolve("points.csv"));
            bytes[bytes.length - 2] = (byte) (bytes[bytes.length - 2] == '1' ? '2' : '1');
            Path changed = Files.write(temp.resolve("changed.csv"), bytes);
            Path refusedRuns = Files.createDirectories(temp.resolve("runs3"));
            Proc refused = exec(container(changed, inputPath, refusedRuns, imageId), 600);
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("points").contains("expected sha256").contains("actual   sha256");
            try (Stream<Path> none = Files.list(refusedRuns)) {
                assertThat(none).isEmpty();
            }
        } finally {
            exec(List.of("podman", "rmi", "-f", imageId), 300);
        }

        // a real registry on loopback: push, then skopeo inspect
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = temp.resolve("registry.yml");
        Files.writeString(config, "version: 0.1\nstorage: {filesystem: {rootdirectory: " + temp.resolve("reg-data")
                + "}, delete: {enabled: true}}\nhttp: {addr: 127.0.0.1:" + port + "}\n");
        Process registry = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("registry.log").toFile()).start();
        try {
            waitForRegistry(port, registry);
            String reference = "127.0.0.1:" + port + "/lockstep/numpy-least-squares:e2e";
            CliRunner.Result push = CliRunner.run("build", job.toString(), "--to", "registry:" + reference,
                    "--base", "tar:" + baseTar, "--cache", cache.toString());
            assertThat(push.exitCode()).as(push.err()).isZero();
            assertThat(digestLine(push.out())).isEqualTo(digestLine(first.out()));
            Proc inspect = exec(List.of("skopeo", "inspect", "--tls-verify=false", "docker://" + reference), 300);
            assertThat(inspect.code()).as(inspect.err()).isZero();
            JsonNode inspected = JSON.readTree(inspect.out());
            assertThat(inspected.get("Digest").asText()).isEqualTo(digestLine(first.out()));
            assertThat(inspected.at("/Labels/dev.lockstep.lock.sha256").asText()).hasSize(64);
            assertThat(inspected.get("Layers")).hasSize(5);
        } finally {
            registry.destroy();
            registry.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> container(Path input, String inputPath, Path runs, String imageId) {
        List<String> command = new ArrayList<>(PODMAN_RUN);
        command.addAll(List.of("-v", input + ":" + inputPath + ":ro", "-v", runs + ":/job/runs", imageId));
        return command;
    }

    private static String digestLine(String out) {
        return out.lines().filter(l -> l.strip().startsWith("digest")).map(l -> l.strip().substring(6).strip())
                .findFirst().orElse("none");
    }

    private static void waitForRegistry(int port, Process registry) throws Exception {
        for (int i = 0; i < 100 && registry.isAlive(); i++) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/v2/").toURL().openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("docker-registry did not start on 127.0.0.1:" + port);
    }

    private record Proc(int code, String out, String err) {}

    private Proc exec(List<String> command, int timeoutSeconds) throws Exception {
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Proc(-1, Files.readString(out), "timed out after " + timeoutSeconds + " s: " + Files.readString(err));
        }
        return new Proc(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("[container-e2e] SKIPPED: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
