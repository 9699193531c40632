package dev.lockstep.runtime.compare.tensors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.runtime.record.CanonicalJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads .safetensors: an 8-byte little-endian header length N, N bytes of JSON mapping each
 * tensor name to {dtype, shape, data_offsets: [begin, end]} (offsets relative to the byte after
 * the header) plus an optional "__metadata__" string map, then the little-endian data.
 * https://github.com/huggingface/safetensors#format
 */
public final class SafetensorsReader {

  // The reference implementation refuses headers over 100 MB; so do we, before allocating.
  private static final long MAX_HEADER = 100L * 1024 * 1024;
  private static final String METADATA = "__metadata__";
  private static final Map<String, DType> TYPES = Map.ofEntries(
      Map.entry("BOOL", DType.BOOL), Map.entry("U8", DType.UINT8), Map.entry("I8", DType.INT8),
      Map.entry("U16", DType.UINT16), Map.entry("I16", DType.INT16), Map.entry("U32", DType.UINT32),
      Map.entry("I32", DType.INT32), Map.entry("U64", DType.UINT64), Map.entry("I64", DType.INT64),
      Map.entry("F16", DType.FLOAT16), Map.entry("BF16", DType.BFLOAT16), Map.entry("F32", DType.FLOAT32),
      Map.entry("F64", DType.FLOAT64));

  private SafetensorsReader() {}

  public static TensorFile read(Path file) throws IOException, TensorFormatException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      if (fileSize < 8 || channel.read(lengthBytes, 0) != 8) {
        throw new TensorFormatException("too short for a safetensors header");
      }
      long headerLength = lengthBytes.getLong(0);
      if (headerLength < 2 || headerLength > MAX_HEADER || 8 + headerLength > fileSize) {
        throw new TensorFormatException("bad safetensors header length " + headerLength);
      }
      ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
      channel.read(headerBytes, 8);
      JsonNode header;
      try {
        header = CanonicalJson.mapper().readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new TensorFormatException("safetensors header is not JSON: " + e.getMessage());
      }
      if (header == null || !header.isObject()) {
        throw new TensorFormatException("safetensors header is not a JSON object");
      }
      long dataStart = 8 + headerLength;
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      Map<String, String> metadata = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : header.properties()) {
        if (field.getKey().equals(METADATA)) {
          field.getValue().properties().forEach(entry -> metadata.put(entry.getKey(), entry.getValue().asText()));
          continue;
        }
        tensors.put(field.getKey(), tensor(channel, field.getKey(), field.getValue(), dataStart, fileSize));
      }
      return new TensorFile(tensors, metadata);
    }
  }

  private static Tensor tensor(FileChannel channel, String name, JsonNode info, long dataStart, long fileSize)
      throws IOException, TensorFormatException {
    String label = "tensor \"" + name + "\"";
    DType dtype = TYPES.get(info.path("dtype").asText());
    if (dtype == null) {
      throw new TensorFormatException(label + ": unsupported dtype " + info.path("dtype"));
    }
    JsonNode shapeNode = info.path("shape");
    JsonNode offsets = info.path("data_offsets");
    if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
      throw new TensorFormatException(label + ": needs shape and data_offsets [begin, end]");
    }
    long[] shape = new long[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = shapeNode.get(i).asLong(-1);
      if (shape[i] < 0) {
        throw new TensorFormatException(label + ": bad shape " + shapeNode);
      }
    }
    long begin = offsets.get(0).asLong(-1);
    long end = offsets.get(1).asLong(-1);
    if (begin < 0 || end < begin || dataStart + end > fileSize) {
      throw new TensorFormatException(label + ": data_offsets " + offsets + " outside the file");
    }
    ByteBuffer data = MappedFiles.map(channel, dataStart + begin, end - begin, label).order(ByteOrder.LITTLE_ENDIAN);
    try {
      return new Tensor(name, dtype, shape, data, false);
    } catch (IllegalArgumentException e) {
      throw new TensorFormatException(e.getMessage());
    }
  }
}
