package dev.lockstep.extractor;

/** A request extract cannot carry out (a bad --input name, an unreadable file); the message is one line. */
public final class ExtractException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExtractException(String message) {
        super(message);
    }

    public ExtractException(String message, Throwable cause) {
        super(message, cause);
    }
}
