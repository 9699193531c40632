package dev.lockstep.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockstep.extractor.emit.RuntimeJar;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The runtime jar embedded in the extractor is the one this build just made from the runtime's
 * sources, not an older copy from a local Maven repository: every Lockstep class in it (the
 * runtime's, and jobformat's it carries) has the bytes of the classes this test runs against (in a root build, the runtime module the
 * reactor has just compiled and packaged). A root {@code mvn test} that packages nothing would
 * take the standalone jar from the local repository; after a change to the runtime, this test
 * is what says so.
 */
class EmbeddedRuntimeJarIsFreshTest {

    @Test
    void everyRuntimeClassInTheEmbeddedJarIsTheOneOnTheClasspath() throws IOException {
        List<String> compared = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        ClassLoader loader = EmbeddedRuntimeJarIsFreshTest.class.getClassLoader();
        try (JarInputStream jar = new JarInputStream(RuntimeJar.open())) {
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                String name = entry.getName();
                // The runtime's classes and those of Lockstep modules it carries (jobformat).
                if (!name.startsWith("dev/lockstep/") || !name.endsWith(".class")) {
                    continue;
                }
                byte[] embedded = jar.readAllBytes();
                try (InputStream built = loader.getResourceAsStream(name)) {
                    if (built == null || !Arrays.equals(embedded, built.readAllBytes())) {
                        differing.add(name);
                    }
                }
                compared.add(name);
            }
        }
        assertThat(compared).as("Lockstep classes in the embedded jar").hasSizeGreaterThan(20)
                .contains("dev/lockstep/runtime/Main.class");
        assertThat(differing)
                .as("runtime classes whose embedded copy is not the one just built (a stale standalone jar from a"
                        + " local repository: build from the repository root with 'mvn verify' or 'mvn package')")
                .isEmpty();
    }
}
