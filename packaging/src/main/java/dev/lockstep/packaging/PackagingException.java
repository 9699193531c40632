package dev.lockstep.packaging;

/**
 * A packaging step refused: the message is one line (or a short list) naming the file and what
 * is wrong. {@code usage} is a wrong request (exit 2); otherwise the job or machine let it down
 * (exit 1).
 */
public final class PackagingException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean usage;

  private PackagingException(boolean usage, String message, Throwable cause) {
    super(message, cause);
    this.usage = usage;
  }

  public static PackagingException usage(String message) {
    return new PackagingException(true, message, null);
  }

  public static PackagingException failure(String message) {
    return new PackagingException(false, message, null);
  }

  public static PackagingException failure(String message, Throwable cause) {
    return new PackagingException(false, message, cause);
  }

  public boolean isUsage() {
    return usage;
  }
}
