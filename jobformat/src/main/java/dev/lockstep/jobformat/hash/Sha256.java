package dev.lockstep.jobformat.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex, of bytes or of a file streamed in 1 MiB blocks. */
public final class Sha256 {

  private static final int BLOCK = 1 << 20;

  private Sha256() {}

  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The digest and size of a file, read once. */
  public static FileDigest ofFile(Path file) throws IOException {
    MessageDigest digest = digest();
    long size = 0;
    byte[] block = new byte[BLOCK];
    try (InputStream in = Files.newInputStream(file)) {
      int read;
      while ((read = in.read(block)) > 0) {
        digest.update(block, 0, read);
        size += read;
      }
    }
    return new FileDigest(HexFormat.of().formatHex(digest.digest()), size);
  }

  /** The first {@code length} hex digits followed by "…", for messages only (records keep full hashes). */
  public static String abbreviate(String hex, int length) {
    return hex == null || hex.length() <= length ? String.valueOf(hex) : hex.substring(0, length) + "…";
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** A file's SHA-256 (lowercase hex) and size in bytes. */
  public record FileDigest(String sha256, long size) {}
}
