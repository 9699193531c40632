package dev.lockstep.runtime.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces secret values in a byte stream with {@code ***} as it flows, so a job that prints
 * its token does not put it in run.log or on the terminal. Output is released as soon as it
 * cannot be the start of a secret; only a tail that matches a secret's beginning is held back
 * until the next chunk shows whether the secret follows. One instance per stream.
 */
public final class SecretRedactor {

  static final byte[] MASK = "***".getBytes(StandardCharsets.UTF_8);

  private final List<byte[]> secrets;
  private byte[] pending = new byte[0];

  public SecretRedactor(Collection<String> secretValues) {
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = secretValues.stream()
        .filter(value -> !value.isEmpty())
        .map(value -> value.getBytes(StandardCharsets.UTF_8))
        .sorted(Comparator.comparingInt((byte[] bytes) -> bytes.length).reversed())
        .toList();
  }

  /** Takes the next chunk; returns what can be written now. */
  public byte[] feed(byte[] chunk, int offset, int length) {
    byte[] data = Arrays.copyOf(pending, pending.length + length);
    System.arraycopy(chunk, offset, data, pending.length, length);
    return scan(data, false);
  }

  /** At end of stream: masks whole secrets in what was held back and releases the rest. */
  public byte[] finish() {
    return scan(pending, true);
  }

  /**
   * Releases {@code data} with whole secrets masked, keeping back (unless at the end of the
   * stream) everything from the first position where a secret may begin but is cut off.
   */
  private byte[] scan(byte[] data, boolean endOfStream) {
    ByteArrayOutputStream released = new ByteArrayOutputStream(data.length);
    int i = 0;
    scan:
    while (i < data.length) {
      for (byte[] secret : secrets) {
        int available = Math.min(secret.length, data.length - i);
        if (!Arrays.equals(data, i, i + available, secret, 0, available)) {
          continue;
        }
        if (available < secret.length && !endOfStream) {
          break scan; // the chunk ends inside what may be a secret (or a longer one): hold from here
        }
        if (available == secret.length) {
          released.writeBytes(MASK);
          i += secret.length;
          continue scan;
        }
      }
      released.write(data[i]);
      i++;
    }
    pending = Arrays.copyOfRange(data, i, data.length);
    return released.toByteArray();
  }
}
