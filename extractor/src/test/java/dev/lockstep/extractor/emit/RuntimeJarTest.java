package dev.lockstep.extractor.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime jar the extractor carries: self-contained, runnable, and written byte for byte. */
class RuntimeJarTest {

    @TempDir
    Path temp;

    @Test
    void isTheRuntimesSelfContainedJarWithFixedEntryTimes() throws Exception {
        Set<String> entries = new HashSet<>();
        Set<FileTime> times = new HashSet<>();
        String mainClass;
        try (JarInputStream jar = new JarInputStream(RuntimeJar.open())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                entries.add(entry.getName());
                if (entry.getName().startsWith("dev/lockstep/")) {
                    times.add(entry.getLastModifiedTime());
                }
            }
        }
        assertThat(mainClass).isEqualTo("dev.lockstep.runtime.Main");
        assertThat(entries).contains("dev/lockstep/runtime/Main.class",
                "com/fasterxml/jackson/databind/ObjectMapper.class",
                "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class");
        // project.build.outputTimestamp: Lockstep's own entries have one fixed time (shaded
        // dependencies keep theirs from the released jars), so rebuilding gives the same bytes.
        assertThat(times).hasSize(1);
    }

    @Test
    void writeIntoPutsTheSameBytesAtLibLockstepRuntimeJar() throws Exception {
        Path written = RuntimeJar.writeInto(temp.resolve("job"));
        assertThat(written).isEqualTo(temp.resolve("job/lib/lockstep-runtime.jar"));
        byte[] expected;
        try (InputStream in = RuntimeJar.open()) {
            expected = in.readAllBytes();
        }
        assertThat(Files.readAllBytes(written)).isEqualTo(expected);
        RuntimeJar.copyTo(written);
        assertThat(Files.readAllBytes(written)).isEqualTo(expected);
    }
}
