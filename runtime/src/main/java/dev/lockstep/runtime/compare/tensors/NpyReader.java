package dev.lockstep.runtime.compare.tensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numpy's .npy format (versions 1.0, 2.0, 3.0): the magic {@code \x93NUMPY}, a version,
 * a little-endian header length (2 bytes in 1.0, 4 after), a Python-literal dict with
 * {@code descr}, {@code fortran_order} and {@code shape}, then the raw elements.
 * https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
public final class NpyReader {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final Map<String, DType> TYPES = Map.ofEntries(
      Map.entry("b1", DType.BOOL), Map.entry("u1", DType.UINT8), Map.entry("i1", DType.INT8),
      Map.entry("u2", DType.UINT16), Map.entry("i2", DType.INT16), Map.entry("u4", DType.UINT32),
      Map.entry("i4", DType.INT32), Map.entry("u8", DType.UINT64), Map.entry("i8", DType.INT64),
      Map.entry("f2", DType.FLOAT16), Map.entry("f4", DType.FLOAT32), Map.entry("f8", DType.FLOAT64));

  private NpyReader() {}

  public static TensorFile read(Path file) throws IOException, TensorFormatException {
    return new TensorFile(Map.of("", read(MappedFiles.map(file), "")), Map.of());
  }

  /** Reads one array from {@code bytes} (position 0 is the magic). */
  static Tensor read(ByteBuffer bytes, String name) throws TensorFormatException {
    String label = name.isEmpty() ? "the array" : "array \"" + name + "\"";
    ByteBuffer buffer = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (buffer.remaining() < 10) {
      throw new TensorFormatException(label + ": too short for a .npy header");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (buffer.get(i) != MAGIC[i]) {
        throw new TensorFormatException(label + ": not a .npy file (no \\x93NUMPY magic)");
      }
    }
    int major = buffer.get(6);
    int headerLength;
    int headerStart;
    if (major == 1) {
      headerLength = buffer.getShort(8) & 0xFFFF;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      headerLength = buffer.getInt(8);
      headerStart = 12;
    } else {
      throw new TensorFormatException(label + ": unsupported .npy version " + major);
    }
    if (headerLength < 0 || headerStart + headerLength > buffer.remaining()) {
      throw new TensorFormatException(label + ": header runs past the end of the file");
    }
    byte[] headerBytes = new byte[headerLength];
    buffer.get(headerStart, headerBytes);
    String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

    Matcher descr = DESCR.matcher(header);
    if (!descr.find()) {
      throw new TensorFormatException(label + ": structured or unreadable dtype in header " + header.strip());
    }
    String typeCode = descr.group(1);
    DType dtype = typeCode.length() == 3 ? TYPES.get(typeCode.substring(1)) : null;
    if (dtype == null) {
      throw new TensorFormatException(label + ": unsupported dtype '" + typeCode + "'");
    }
    ByteOrder order = typeCode.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    Matcher fortran = FORTRAN.matcher(header);
    Matcher shape = SHAPE.matcher(header);
    if (!fortran.find() || !shape.find()) {
      throw new TensorFormatException(label + ": header lacks fortran_order or shape: " + header.strip());
    }
    ByteBuffer data = buffer.position(headerStart + headerLength).slice().order(order);
    try {
      return new Tensor(name, dtype, parseShape(shape.group(1), label), data, fortran.group(1).equals("True"));
    } catch (IllegalArgumentException e) {
      throw new TensorFormatException(e.getMessage());
    }
  }

  private static long[] parseShape(String text, String label) throws TensorFormatException {
    List<Long> dimensions = new ArrayList<>();
    for (String part : text.split(",")) {
      String trimmed = part.strip();
      if (trimmed.isEmpty()) {
        continue; // "(5,)" and "()"
      }
      try {
        // numpy writes Python ints; old versions on some platforms append "L".
        dimensions.add(Long.parseLong(trimmed.endsWith("L") ? trimmed.substring(0, trimmed.length() - 1) : trimmed));
      } catch (NumberFormatException e) {
        throw new TensorFormatException(label + ": bad shape (" + text + ")");
      }
    }
    return dimensions.stream().mapToLong(Long::longValue).toArray();
  }
}
