package dev.lockstep.runtime.compare.tensors;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One named array: element type, shape, and its raw bytes (a view into a mapped file or an
 * inflated zip entry; the buffer's byte order is the file's). Elements are addressed in C
 * (row-major) order whatever the storage order, so two arrays compare element by element.
 */
public final class Tensor {

  private final String name;
  private final DType dtype;
  private final long[] shape;
  private final ByteBuffer data;
  private final long[] storageStrides; // in elements, for mapping a C-order index to storage

  public Tensor(String name, DType dtype, long[] shape, ByteBuffer data, boolean fortranOrder) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape.clone();
    this.data = data;
    this.storageStrides = fortranOrder ? fortranStrides(shape) : null;
    long needed = elementCount() * dtype.size();
    if (data.remaining() < needed) {
      throw new IllegalArgumentException(
          "tensor \"" + name + "\" needs " + needed + " bytes of data, the file has " + data.remaining());
    }
  }

  public String name() {
    return name;
  }

  public DType dtype() {
    return dtype;
  }

  public long[] shape() {
    return shape.clone();
  }

  public long elementCount() {
    long count = 1;
    for (long dimension : shape) {
      count *= dimension;
    }
    return count;
  }

  /** The element at C-order position {@code index}, widened to double. */
  public double get(long index) {
    long storage = storageStrides == null ? index : fortranPosition(index);
    return dtype.read(data, Math.toIntExact(data.position() + storage * dtype.size()));
  }

  /** "[3, 1]" for C-order position {@code index}; "[]" for a 0-d array. */
  public String indexText(long index) {
    long[] position = new long[shape.length];
    long rest = index;
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      position[axis] = shape[axis] == 0 ? 0 : rest % shape[axis];
      rest = shape[axis] == 0 ? 0 : rest / shape[axis];
    }
    return Arrays.toString(position);
  }

  public String shapeText() {
    return Arrays.toString(shape);
  }

  private long fortranPosition(long cIndex) {
    long storage = 0;
    long rest = cIndex;
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      storage += (rest % shape[axis]) * storageStrides[axis];
      rest /= shape[axis];
    }
    return storage;
  }

  private static long[] fortranStrides(long[] shape) {
    long[] strides = new long[shape.length];
    long stride = 1;
    for (int axis = 0; axis < shape.length; axis++) {
      strides[axis] = stride;
      stride *= shape[axis];
    }
    return strides;
  }
}
