package dev.lockstep.extractor.emit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The runtime's self-contained jar that every job carries as {@code lib/lockstep-runtime.jar}:
 * RunJob.java and a container run the job with it, so a job needs only a JDK and Python.
 *
 * <p>The build copies {@code dev.lockstep:lockstep-runtime:jar:standalone} into the extractor's
 * classes as the resource {@value #RESOURCE} (extractor/pom.xml, maven-dependency-plugin at
 * generate-resources). That jar is reproducible (fixed entry times from
 * {@code project.build.outputTimestamp}), so the same Lockstep build always writes the same bytes.
 */
public final class RuntimeJar {

    /** The classpath resource, absolute. */
    public static final String RESOURCE = "/dev/lockstep/extractor/lockstep-runtime.jar";

    /** Where it goes in a job directory. */
    public static final String JOB_PATH = "lib/lockstep-runtime.jar";

    private RuntimeJar() {
    }

    /**
     * Opens the embedded jar; the caller closes the stream.
     *
     * @throws IllegalStateException when this build of Lockstep has no runtime jar
     */
    public static InputStream open() {
        InputStream in = RuntimeJar.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("this Lockstep build has no runtime jar (classpath resource " + RESOURCE
                    + " is missing); build it with 'mvn package' or 'mvn install' from the repository root,"
                    + " which packages the runtime module and copies its standalone jar into the extractor");
        }
        return in;
    }

    /** Writes the jar to {@code target} (replacing a file there), creating its parent folders. */
    public static void copyTo(Path target) {
        try (InputStream in = open()) {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the runtime jar to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes the jar to {@code lib/lockstep-runtime.jar} under a job directory; returns that path. */
    public static Path writeInto(Path jobDirectory) {
        Path target = jobDirectory.resolve(JOB_PATH);
        copyTo(target);
        return target;
    }
}
