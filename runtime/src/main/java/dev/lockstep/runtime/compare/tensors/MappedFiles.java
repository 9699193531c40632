package dev.lockstep.runtime.compare.tensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Maps files (or regions) read-only instead of reading them onto the heap: a comparison
 * touches each element once, and weights files are large. One mapping covers up to 2 GiB,
 * which bounds a single .npy file and a single safetensors tensor.
 */
final class MappedFiles {

  private MappedFiles() {}

  static ByteBuffer map(Path file) throws IOException, TensorFormatException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return map(channel, 0, channel.size(), file.getFileName().toString());
    }
  }

  static ByteBuffer map(FileChannel channel, long offset, long length, String what) throws IOException, TensorFormatException {
    if (length > Integer.MAX_VALUE) {
      throw new TensorFormatException(what + " is larger than 2 GiB; compare it with compare: bytes");
    }
    return channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
  }
}
