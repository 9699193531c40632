package dev.lockstep.review;

/** A request the review cannot serve (no such path, a folder with no notebook, a bad option): exit 2. */
public final class ReviewException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReviewException(String message) {
        super(message);
    }

    public ReviewException(String message, Throwable cause) {
        super(message, cause);
    }
}
