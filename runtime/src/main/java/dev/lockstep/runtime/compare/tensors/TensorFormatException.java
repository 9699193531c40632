package dev.lockstep.runtime.compare.tensors;

/** A file that is not valid in its format, or uses a feature the readers do not support. */
public final class TensorFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public TensorFormatException(String message) {
    super(message);
  }
}
