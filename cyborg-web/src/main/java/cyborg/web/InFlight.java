package cyborg.web;

import io.javalin.http.Context;

import java.util.concurrent.TimeUnit;

/**
 * Counts the scoring requests being served, so shutdown can refuse new ones and wait for these.
 * A request counts from {@link #admit} until its response is written ({@link #written}, from the
 * request logger, which Javalin calls after writing): stopping earlier would cut answers off.
 */
final class InFlight {
    private static final String ADMITTED = "cyborg.admitted";

    private int active;
    private boolean closing;

    /** Admits a request, or refuses it (503) once shutdown began. */
    synchronized void admit(Context ctx) {
        if (closing) {
            throw new ApiError(ErrorKind.SHUTTING_DOWN, "the server is shutting down; retry on another instance");
        }
        active++;
        ctx.attribute(ADMITTED, Boolean.TRUE);
    }

    /** Called once a response is written: ends the request's count if it was admitted. */
    void written(Context ctx) {
        if (ctx.attribute(ADMITTED) != null) {
            exit();
        }
    }

    synchronized boolean closing() {
        return closing;
    }

    private synchronized void exit() {
        active--;
        notifyAll();
    }

    /** Refuses new requests, then waits up to {@code timeoutMillis} for those admitted; true if all finished. */
    synchronized boolean drain(long timeoutMillis) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (active > 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
