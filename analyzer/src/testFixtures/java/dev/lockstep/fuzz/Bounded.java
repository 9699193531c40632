package dev.lockstep.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one property try in a worker thread with a time limit, so that a hang fails the try
 * (with the input jqwik reports) instead of stalling the build. Each call gets a fresh daemon
 * thread with a large stack (the scanner's own threads have 16 MB); a thread that hangs is
 * interrupted and left behind, and cannot keep the JVM alive.
 */
public final class Bounded {
    private Bounded() {
    }

    /** The per-try limit: {@code -Dlockstep.fuzz.timeoutSeconds}, default 30 s (a scan takes milliseconds). */
    public static Duration limit() {
        return Duration.ofSeconds(Long.getLong("lockstep.fuzz.timeoutSeconds", 30));
    }

    /** The value {@code work} returns; its exception, unwrapped; or an AssertionError after {@link #limit()}. */
    public static <T> T call(String what, Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "bounded-try", 16L << 20);
        worker.setDaemon(true);
        worker.start();
        Duration limit = limit();
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new AssertionError(what + " did not finish within " + limit.toSeconds() + " s (a hang)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
