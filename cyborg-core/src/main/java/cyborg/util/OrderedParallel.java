package cyborg.util;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a function to a stream of items on all cores and hands the results to a sink in input
 * order, on the calling thread. At most a few items per thread are in flight, so memory does not
 * grow with the number of items, and a failure reaches the sink at its own position: the first
 * bad input reported is the first in input order, whatever thread finished first.
 */
public final class OrderedParallel {
    /** Items in flight per thread: enough to keep every core busy while the sink writes. */
    private static final int AHEAD_PER_THREAD = 4;

    private OrderedParallel() {}

    /** The work on one item; may fail with an {@link IOException} that the sink then receives. */
    @FunctionalInterface
    public interface Work<T, R> {
        R apply(T item) throws IOException;
    }

    /** Receives each item's result, or its failure ({@code result} is then null), in input order. */
    @FunctionalInterface
    public interface Sink<T, R> {
        void accept(T item, R result, IOException failure) throws IOException;
    }

    /**
     * Runs {@code work} over {@code items} on {@code threads} threads (1 runs on the calling
     * thread); a sink exception stops the run and propagates, as do unchecked failures of the work.
     */
    public static <T, R> void run(Iterator<T> items, int threads, Work<T, R> work, Sink<T, R> sink)
            throws IOException {
        if (threads <= 1) {
            while (items.hasNext()) {
                T item = items.next();
                deliver(item, () -> work.apply(item), sink);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cyborg-measure");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Pending<T, R>> inFlight = new ArrayDeque<>();
            int ahead = threads * AHEAD_PER_THREAD;
            while (items.hasNext() || !inFlight.isEmpty()) {
                while (inFlight.size() < ahead && items.hasNext()) {
                    T item = items.next();
                    inFlight.add(new Pending<>(item, pool.submit(() -> work.apply(item))));
                }
                Pending<T, R> head = inFlight.poll();
                deliver(head.item(), () -> await(head.result()), sink);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The number of threads that pays: one per core. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private record Pending<T, R>(T item, Future<R> result) {}

    private interface Outcome<R> {
        R get() throws IOException;
    }

    private static <T, R> void deliver(T item, Outcome<R> outcome, Sink<T, R> sink) throws IOException {
        R result;
        try {
            result = outcome.get();
        } catch (IOException e) {
            sink.accept(item, null, e);
            return;
        }
        sink.accept(item, result, null);
    }

    private static <R> R await(Future<R> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException rt) {
                throw rt;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
