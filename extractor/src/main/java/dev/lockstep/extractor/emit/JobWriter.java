package dev.lockstep.extractor.emit;

import dev.lockstep.extractor.ExtractException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a job directory atomically: every file goes into a temporary folder beside the target,
 * which is then renamed into place, so a reader never sees half a job. A non-empty target is
 * replaced only when asked ({@code --force}); its {@code runs/} (the records of earlier runs) is
 * moved into the new job, never deleted.
 */
public final class JobWriter {
    private JobWriter() {
    }

    /** Fails early, before any work, when the target cannot be written. */
    public static void checkTarget(Path target, boolean force) {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new ExtractException(target + " exists and is not a directory");
        }
        if (!force && isNonEmptyDirectory(target)) {
            throw new ExtractException(target + " is not empty: choose another directory or pass --force to replace it");
        }
    }

    public static void write(Path target, Map<String, byte[]> files, boolean force) {
        checkTarget(target, force);
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".lockstep-");
            try {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Path path = staging.resolve(file.getKey());
                    Files.createDirectories(path.getParent());
                    Files.write(path, file.getValue());
                }
                replace(staging, absolute);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new ExtractException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The earlier runs' records, kept across re-extraction. */
    static final String RUNS = dev.lockstep.jobformat.JobLayout.RUNS;

    /** Moves the staged job into place, keeping the old one aside until the move succeeded. */
    private static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        boolean runsMoved = false;
        try {
            if (old != null && Files.isDirectory(old.resolve(RUNS)) && !Files.exists(staging.resolve(RUNS))) {
                move(old.resolve(RUNS), staging.resolve(RUNS));
                runsMoved = true;
            }
            move(staging, target);
        } catch (IOException e) {
            if (runsMoved) {
                move(staging.resolve(RUNS), old.resolve(RUNS));
            }
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }

    private static boolean isNonEmptyDirectory(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
