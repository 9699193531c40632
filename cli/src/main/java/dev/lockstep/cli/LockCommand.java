package dev.lockstep.cli;

import dev.lockstep.packaging.PackagingException;
import dev.lockstep.packaging.lock.HfCache;
import dev.lockstep.packaging.lock.JobLocker;
import dev.lockstep.packaging.lock.LockFile;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep lock DIR}: pin the job's closure into DIR/lockstep.lock. */
@Command(
        name = "lock",
        mixinStandardHelpOptions = true,
        description = {
            "Pins a job's closure into DIR/lockstep.lock: the installed version of every distribution the job imports"
                    + " (asked of the interpreter, never guessed), the interpreter's version, Hugging Face Hub revisions"
                    + " from a local cache or --revision, input hashes, seed, params, hardware, the base image and the"
                    + " command that reproduces the run. Locking an unchanged job again writes nothing.",
            "Exit 0: everything pinned. 1: the lock was written but lists blockers (imports no distribution provides,"
                    + " unpinned Hub revisions, unbound inputs). 2: bad usage or lockstep.yaml."
        })
public final class LockCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The job directory.")
    Path jobDirectory;

    @Option(names = "--python", paramLabel = "PATH",
            description = "The interpreter to ask (default: the one `lockstep run` would choose).")
    Path python;

    @Option(names = "--hf-cache", paramLabel = "DIR",
            description = "The Hugging Face Hub cache to resolve revisions in (default: HF_HUB_CACHE, HF_HOME/hub or"
                    + " ~/.cache/huggingface/hub).")
    Path hfCache;

    @Option(names = "--revision", paramLabel = "ID=SHA",
            description = "Pin a Hub repository by hand to a full commit hash. Repeatable.")
    List<String> revisions = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> environment = System.getenv();
        Map<String, String> byId = new TreeMap<>();
        for (String revision : revisions) {
            int equals = revision.indexOf('=');
            if (equals <= 0 || byId.put(revision.substring(0, equals), revision.substring(equals + 1)) != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--revision expects ID=SHA, each id once, got '" + revision + "'");
            }
        }
        try {
            JobLocker.Result result = new JobLocker().lock(new JobLocker.Request(jobDirectory.toAbsolutePath().normalize(),
                    Optional.ofNullable(python).map(p -> interpreter(p, environment)),
                    hfCache != null ? new HfCache(hfCache) : HfCache.standard(environment), byId, environment));
            LockFile lock = result.lock();
            out.println((result.changed() ? "wrote " : "unchanged ") + result.file() + ": " + lock.packages().size()
                    + " packages pinned with " + lock.python().interpreter() + " (Python " + lock.python().version() + "), "
                    + lock.hub().stream().filter(h -> h.revision() != null).count() + " of " + lock.hub().size()
                    + " Hub revisions pinned");
            lock.blockers().forEach(blocker -> err.println("lockstep: blocker: " + blocker));
            return lock.blockers().isEmpty() ? ExitCodes.OK : 1;
        } catch (PackagingException e) {
            err.println("lockstep: " + e.getMessage());
            return e.isUsage() ? ExitCodes.USAGE : 1;
        }
    }

    /** A bare name is looked up on PATH, as {@code run --python} does; anything else is a path. */
    static Path interpreter(Path given, Map<String, String> environment) {
        if (given.getNameCount() == 1 && !given.isAbsolute()) {
            for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(directory, given.toString());
                if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return given.toAbsolutePath().normalize();
    }
}
