package cyborg.web;

import java.util.concurrent.TimeUnit;

/** Counts the scoring requests being served, so shutdown can refuse new ones and wait for these. */
final class InFlight {
    private int active;
    private boolean closing;

    /** Admits a request; false once shutdown began. */
    synchronized boolean enter() {
        if (closing) {
            return false;
        }
        active++;
        return true;
    }

    synchronized void exit() {
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
