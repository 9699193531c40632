package dev.lockstep.runtime.replay;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A private copy of the notebook's folder for one replay to run in, so relative data paths
 * resolve and whatever the notebook writes lands in the copy, never beside the original.
 * Version-control and checkpoint folders are left out; symbolic links are copied as links.
 */
final class WorkingCopy {

  /** Folders no notebook reads its data from, and that can be large. */
  private static final Set<String> SKIPPED = Set.of(".git", ".hg", ".svn", ".ipynb_checkpoints", "__pycache__",
      ".mypy_cache", ".pytest_cache", ".tox", "node_modules");

  static final long SIZE_LIMIT = 2L * 1024 * 1024 * 1024;

  private WorkingCopy() {}

  /** Copies {@code folder} to {@code target} (which must not exist yet). */
  static void copy(Path folder, Path target) throws ReplayException {
    long[] size = {0};
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (!dir.equals(folder) && SKIPPED.contains(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          Files.createDirectories(target.resolve(folder.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Path destination = target.resolve(folder.relativize(file).toString());
          if (attrs.isSymbolicLink()) {
            Files.createSymbolicLink(destination, Files.readSymbolicLink(file));
            return FileVisitResult.CONTINUE;
          }
          size[0] += attrs.size();
          if (size[0] > SIZE_LIMIT) {
            throw new IOException("the folder holds more than " + (SIZE_LIMIT >> 30) + " GiB; move the notebook and"
                + " the data it reads into a folder of their own");
          }
          Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // an unreadable file is one the notebook cannot read either
        }
      });
    } catch (IOException e) {
      throw ReplayException.usage("cannot copy " + folder + " to run the notebook in: " + e.getMessage());
    }
  }

  /** Deletes a temporary tree, best effort (a replay must not fail because cleanup did). */
  static void delete(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          path.toFile().setWritable(true);
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // left for the system's temporary-file cleaner
        }
      });
    } catch (IOException | RuntimeException e) {
      // same
    }
  }
}
