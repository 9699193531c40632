package dev.lockstep.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.analyzer.testing.RepoPaths;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build, the tests and the scripts must work in a clone on its own: nothing may read the
 * team's folder beside the repository (dot-dot-slash shared) or a path on the machine it was
 * written on. A user's clone has neither, and a test that needs one fails for them alone.
 */
class SelfContainedRepositoryTest {

    /** Files that build, test or run something (documentation may mention anything). */
    private static final Set<String> CODE_EXTENSIONS = Set.of(
            "java", "xml", "sh", "py", "properties", "toml", "yaml", "yml", "mustache", "json", "js", "config");

    /** Launchers and CI entry points without an extension. */
    private static final Set<String> CODE_NAMES = Set.of("lockstep", "run");

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "build", "node_modules", "corpus");

    // Built from pieces so that this file does not match itself.
    private static final String SHARED = "shared";
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\.[/\\\\]" + SHARED + "\\b"                 // a sibling of the clone
                    + "|resolveSibling\\(\"" + SHARED + "\""  // the same, through java.nio
                    + "|/work/" + SHARED                      // the team's absolute path
                    + "|" + SHARED + "/schemas");              // the team's schema folder

    @Test
    void noBuildTestOrScriptFileReadsTheFolderBesideTheRepository() throws IOException {
        Path root = RepoPaths.root();
        List<String> hits = new ArrayList<>();
        int[] scanned = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                boolean code = dot >= 0 ? CODE_EXTENSIONS.contains(name.substring(dot + 1)) : CODE_NAMES.contains(name);
                if (!code || attrs.size() > 4_000_000) {
                    return FileVisitResult.CONTINUE;
                }
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (MalformedInputException e) {
                    return FileVisitResult.CONTINUE;
                }
                scanned[0]++;
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = OUTSIDE.matcher(lines[i]);
                    if (m.find() && !isPythonFixtureString(file, lines[i])) {
                        hits.add(root.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        // A walk that found no source would prove nothing.
        assertThat(scanned[0]).as("code files scanned").isGreaterThan(100);
        assertThat(hits).as("references to a folder outside the clone").isEmpty();
    }

    @Test
    void thePatternFindsWhatItLooksFor() {
        assertThat(OUTSIDE.matcher("Path.of(\"../" + SHARED + "/schemas/x.json\")").find()).isTrue();
        assertThat(OUTSIDE.matcher("root.resolveSibling(\"" + SHARED + "\").resolve(\"x\")").find()).isTrue();
        assertThat(OUTSIDE.matcher("cat /work/" + SHARED + "/TOOLING.md").find()).isTrue();
        assertThat(OUTSIDE.matcher("the shared log").find()).isFalse();
    }

    /**
     * The dependency rules' tests feed pip command lines that install a local folder (such as
     * {@code pip install ../shared}) as Python text to analyse: data, not a read by the build.
     */
    private static boolean isPythonFixtureString(Path file, String line) {
        return file.toString().endsWith("Test.java") && line.contains("pip install");
    }
}
