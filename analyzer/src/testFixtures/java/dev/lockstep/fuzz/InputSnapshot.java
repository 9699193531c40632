package dev.lockstep.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The bytes and modification time of every file under a path, to prove a command left its inputs alone. */
public record InputSnapshot(List<Entry> entries) {

    /** One file: its path, contents and modification time. */
    public record Entry(Path path, byte[] bytes, FileTime modified) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.path.equals(path) && Arrays.equals(e.bytes, bytes) && e.modified.equals(modified);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return path + " (" + bytes.length + " bytes, modified " + modified + ")";
        }
    }

    /** Every regular file under {@code root} (or {@code root} itself), in path order. */
    public static InputSnapshot of(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return new InputSnapshot(files.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return new Entry(p, Files.readAllBytes(p), Files.getLastModifiedTime(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
