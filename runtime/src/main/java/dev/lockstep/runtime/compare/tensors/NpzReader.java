package dev.lockstep.runtime.compare.tensors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads numpy's .npz: a zip of .npy files, stored ({@code np.savez}) or deflated
 * ({@code np.savez_compressed}), often with zip64 headers. ZipFile reads the
 * central directory, so all three are handled; entries are inflated onto the heap.
 */
public final class NpzReader {

  private NpzReader() {}

  public static TensorFile read(Path file) throws IOException, TensorFormatException {
    Map<String, Tensor> arrays = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName().endsWith(".npy")
            ? entry.getName().substring(0, entry.getName().length() - 4)
            : entry.getName();
        if (entry.getSize() > Integer.MAX_VALUE) {
          throw new TensorFormatException("array \"" + name + "\" is larger than 2 GiB; compare it with compare: bytes");
        }
        try (InputStream in = zip.getInputStream(entry)) {
          arrays.put(name, NpyReader.read(ByteBuffer.wrap(in.readAllBytes()), name));
        }
      }
    } catch (ZipException e) {
      throw new TensorFormatException("not a valid .npz (zip) file: " + e.getMessage());
    }
    return new TensorFile(arrays, Map.of());
  }
}
