package dev.lockstep.analyzer.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's shared test folders from any module's tests. */
public final class RepoPaths {
    private RepoPaths() {
    }

    public static Path root() {
        String configured = System.getProperty("lockstep.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-notebooks")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (with test-notebooks/) from " + start);
    }

    public static Path testNotebooks() {
        return root().resolve("test-notebooks");
    }

    /** Whether goldens should be rewritten instead of compared (-Dlockstep.updateGoldens=true). */
    public static boolean updateGoldens() {
        return Boolean.getBoolean("lockstep.updateGoldens");
    }
}
