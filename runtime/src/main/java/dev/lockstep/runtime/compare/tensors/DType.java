package dev.lockstep.runtime.compare.tensors;

import java.nio.ByteBuffer;

/**
 * Element types the comparison reads, with their size and how to widen one element to a
 * double. 64-bit integers beyond 2^53 lose their last bits in the widening; a tolerance
 * comparison is about floating-point closeness, and exact integer equality is what
 * {@code compare: bytes} is for.
 */
public enum DType {
  BOOL("bool", 1),
  UINT8("uint8", 1),
  INT8("int8", 1),
  UINT16("uint16", 2),
  INT16("int16", 2),
  UINT32("uint32", 4),
  INT32("int32", 4),
  UINT64("uint64", 8),
  INT64("int64", 8),
  FLOAT16("float16", 2),
  BFLOAT16("bfloat16", 2),
  FLOAT32("float32", 4),
  FLOAT64("float64", 8);

  private final String displayName;
  private final int size;

  DType(String displayName, int size) {
    this.displayName = displayName;
    this.size = size;
  }

  /** numpy's name (torch's for bfloat16). */
  public String displayName() {
    return displayName;
  }

  public int size() {
    return size;
  }

  /** The element at {@code byteOffset}; the buffer's byte order is the file's. */
  public double read(ByteBuffer buffer, int byteOffset) {
    return switch (this) {
      case BOOL -> buffer.get(byteOffset) != 0 ? 1 : 0;
      case UINT8 -> buffer.get(byteOffset) & 0xFF;
      case INT8 -> buffer.get(byteOffset);
      case UINT16 -> buffer.getShort(byteOffset) & 0xFFFF;
      case INT16 -> buffer.getShort(byteOffset);
      case UINT32 -> buffer.getInt(byteOffset) & 0xFFFF_FFFFL;
      case INT32 -> buffer.getInt(byteOffset);
      case UINT64 -> unsignedToDouble(buffer.getLong(byteOffset));
      case INT64 -> buffer.getLong(byteOffset);
      case FLOAT16 -> halfToFloat(buffer.getShort(byteOffset) & 0xFFFF);
      case BFLOAT16 -> Float.intBitsToFloat((buffer.getShort(byteOffset) & 0xFFFF) << 16);
      case FLOAT32 -> buffer.getFloat(byteOffset);
      case FLOAT64 -> buffer.getDouble(byteOffset);
    };
  }

  static double unsignedToDouble(long value) {
    double high = (double) (value >>> 1) * 2.0;
    return high + (value & 1);
  }

  /** IEEE 754 binary16 to float (Float.float16ToFloat exists only from Java 20). */
  static float halfToFloat(int bits) {
    int sign = (bits >>> 15) & 1;
    int exponent = (bits >>> 10) & 0x1F;
    int mantissa = bits & 0x3FF;
    float magnitude;
    if (exponent == 0) {
      magnitude = Math.scalb((float) mantissa, -24); // zero and subnormals
    } else if (exponent == 0x1F) {
      magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    } else {
      magnitude = Math.scalb(1f + mantissa / 1024f, exponent - 15);
    }
    return sign == 1 ? -magnitude : magnitude;
  }
}
