package dev.lockstep.analyzer.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands the paths a user names into the notebook files to scan: files as named, folders
 * searched recursively for {@code .ipynb} files (checkpoint folders skipped), each folder's
 * files in sorted order so output never depends on the file system's listing order.
 */
public final class NotebookFiles {
    private NotebookFiles() {
    }

    /** A file to scan, or a named path that does not exist. */
    public record Target(Path path, String displayPath, boolean exists) {
    }

    public static List<Target> expand(List<String> arguments) {
        return expand(arguments, folder -> { });
    }

    /**
     * The notebooks named by {@code arguments} (files as given, folders searched), in a stable
     * order; each folder argument that holds no notebook is passed to {@code emptyFolder}, so a
     * mistyped folder does not pass silently as "no findings".
     */
    public static List<Target> expand(List<String> arguments, java.util.function.Consumer<String> emptyFolder) {
        Set<String> seen = new LinkedHashSet<>();
        List<Target> targets = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                List<Path> notebooks = notebooksUnder(path);
                if (notebooks.isEmpty()) {
                    emptyFolder.accept(argument);
                }
                for (Path file : notebooks) {
                    String display = display(argument, path.relativize(file));
                    if (seen.add(file.toAbsolutePath().normalize().toString())) {
                        targets.add(new Target(file, display, true));
                    }
                }
            } else if (seen.add(path.toAbsolutePath().normalize().toString())) {
                targets.add(new Target(path, argument, Files.exists(path)));
            }
        }
        return targets;
    }

    private static String display(String argument, Path relative) {
        String base = argument.endsWith("/") ? argument.substring(0, argument.length() - 1) : argument;
        String rel = relative.toString().replace('\\', '/');
        return base.equals(".") ? rel : base + "/" + rel;
    }

    private static List<Path> notebooksUnder(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (name.equals(".ipynb_checkpoints") || name.equals(".git"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.getFileName().toString().endsWith(".ipynb") && !attrs.isDirectory()) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Sort by the relative path's components so order is the same on every file system and locale.
        found.sort((a, b) -> root.relativize(a).toString().replace('\\', '/')
                .compareTo(root.relativize(b).toString().replace('\\', '/')));
        return found;
    }
}
