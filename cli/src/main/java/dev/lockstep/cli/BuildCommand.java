package dev.lockstep.cli;

import dev.lockstep.packaging.PackagingException;
import dev.lockstep.packaging.image.ImageBuilder;
import dev.lockstep.packaging.image.ImageLayers;
import dev.lockstep.packaging.image.ImageTarget;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep build DIR --to tar:FILE | registry:REF}: the job's OCI image, with Jib Core. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Builds the job's OCI image with Jib Core (no Docker daemon): a jlinked Java runtime, the Lockstep runtime,"
                    + " the Python packages (--wheels) or a base image that already holds the locked versions, the pipeline"
                    + " code, then config and lockstep.lock. The entrypoint runs the job under the Lockstep runtime. The"
                    + " same job directory gives the same image digest. Needs lockstep.lock (lockstep lock DIR).",
            "Writes DIR/lockstep.image.json (digest, labels, where inputs are mounted) for lockstep export.",
            "Exit 0: built. 1: the build failed or the base image does not hold the locked packages. 2: bad usage,"
                    + " no lock or a stale one, no base image."
        })
public final class BuildCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The job directory.")
    Path jobDirectory;

    @Option(names = "--to", required = true, paramLabel = "tar:FILE|registry:REF",
            description = "A docker-save tar to write, or an image reference to push (loopback registries over http).")
    String to;

    @Option(names = "--base", paramLabel = "tar:FILE",
            description = "The base image as a docker-save tar (default: lockstep.yaml's image.base, pulled by digest).")
    String base;

    @Option(names = "--wheels", paramLabel = "DIR",
            description = "Install the locked requirements from this wheelhouse (offline) into a layer of their own.")
    Path wheels;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where the jlinked Java runtime, pulled bases and Jib's layer caches live (default: ~/.cache/lockstep).")
    Path cache;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path cwd = Path.of("").toAbsolutePath();
        try {
            if (base != null && !base.startsWith("tar:")) {
                throw PackagingException.usage("--base " + base + ": expected tar:FILE (a registry base goes in lockstep.yaml's"
                        + " image.base, pinned by digest)");
            }
            PrintStream progress = System.console() != null ? System.err : null;
            long start = System.nanoTime();
            ImageBuilder.Result result = new ImageBuilder().build(new ImageBuilder.Request(
                    cwd.resolve(jobDirectory).normalize(), ImageTarget.parse(to, cwd),
                    Optional.ofNullable(base).map(b -> cwd.resolve(b.substring(4)).normalize()),
                    Optional.ofNullable(wheels).map(w -> cwd.resolve(w).normalize()),
                    cache != null ? cwd.resolve(cache) : ImageBuilder.defaultCache(System.getenv()), progress));
            if (progress != null) {
                progress.print("\r\033[K");
            }
            out.println("built " + result.record().image() + " in "
                    + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
            out.println("  digest  " + result.record().digest());
            out.println("  record  " + result.recordFile());
            for (ImageLayers.Layer layer : result.layers()) {
                out.println(String.format(Locale.ROOT, "  layer   %10d bytes  %s", layer.size(), layer.file()));
            }
            return ExitCodes.OK;
        } catch (PackagingException e) {
            err.println("lockstep: " + e.getMessage().replace("\n", "\n  "));
            return e.isUsage() ? ExitCodes.USAGE : 1;
        }
    }
}
