package cyborg.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Assembles batches on a pool of decoding threads, one batch ahead of the consumer, so that
 * training is not starved by image decoding.
 */
public final class BatchLoader implements AutoCloseable {
    private final SampleLoader loader;
    private final ExecutorService pool;
    private final int camCells;
    private final SkipReport skips;

    /**
     * @param loader prepares single samples
     * @param threads decoding threads
     * @param camCells cells of a CAM (h * w), the length of each map in a batch
     * @param skips what happens to a sample that cannot be loaded: it stops the iteration (thrown
     *     as {@link BadInputRuntimeException}), or it is left out of its batch and counted
     */
    public BatchLoader(SampleLoader loader, int threads, int camCells, SkipReport skips) {
        this.loader = loader;
        this.camCells = camCells;
        this.skips = skips;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "cyborg-decode");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Batches of {@code samples} in the given order.
     *
     * @param samples the data
     * @param order indices into {@code samples}
     * @param batchSize images per batch (the last batch may be smaller)
     * @param planFor how to prepare the sample at an order position
     */
    public Iterator<Batch> batches(List<Sample> samples, int[] order, int batchSize, IntFunction<LoadPlan> planFor) {
        return new Iterator<>() {
            private int next;
            private List<Future<PreparedSample>> pending = submit(0);

            private List<Future<PreparedSample>> submit(int start) {
                if (start >= order.length) {
                    return null;
                }
                List<Future<PreparedSample>> futures = new ArrayList<>();
                for (int i = start; i < Math.min(order.length, start + batchSize); i++) {
                    Sample s = samples.get(order[i]);
                    LoadPlan p = planFor.apply(i);
                    futures.add(pool.submit(() -> loader.load(s, p)));
                }
                return futures;
            }

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Batch next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                int start = next;
                List<Future<PreparedSample>> current = pending;
                next = Math.min(order.length, start + batchSize);
                pending = submit(next);
                return assemble(samples, order, start, current);
            }
        };
    }

    private Batch assemble(List<Sample> samples, int[] order, int start, List<Future<PreparedSample>> futures) {
        List<Sample> batchSamples = new ArrayList<>(futures.size());
        List<PreparedSample> prepared = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            PreparedSample p = await(futures.get(i));
            if (p != null) {
                batchSamples.add(samples.get(order[start + i]));
                prepared.add(p);
            }
        }
        int n = prepared.size();
        int pixels = n == 0 ? 0 : prepared.get(0).image().length;
        float[] images = new float[n * pixels];
        long[] labels = new long[n];
        float[] maps = new float[n * camCells];
        float[] mask = new float[n];
        boolean withInputMaps = prepared.stream().anyMatch(p -> p.inputMap() != null);
        int inputCells = pixels / 3;
        float[] inputMaps = withInputMaps ? new float[n * inputCells] : null;
        for (int i = 0; i < n; i++) {
            PreparedSample p = prepared.get(i);
            System.arraycopy(p.image(), 0, images, i * pixels, pixels);
            labels[i] = batchSamples.get(i).label().index();
            if (p.map() != null) {
                System.arraycopy(p.map(), 0, maps, i * camCells, camCells);
                mask[i] = 1f;
            }
            if (p.inputMap() != null) {
                System.arraycopy(p.inputMap(), 0, inputMaps, i * inputCells, inputCells);
            }
        }
        return new Batch(batchSamples, images, labels, maps, mask, inputMaps);
    }

    /** The prepared sample, or null when it was bad and the policy skips it. */
    private PreparedSample await(Future<PreparedSample> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding images", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BadInputException bad) {
                try {
                    skips.handle(bad);
                    return null;
                } catch (BadInputException failFast) {
                    throw new BadInputRuntimeException(failFast);
                }
            }
            throw new IllegalStateException("decoding failed: " + cause, cause);
        }
    }

    /** Batches of plain images without maps, in the samples' order, for scoring and validation. */
    public Iterator<Batch> plainBatches(List<Sample> samples, int batchSize) {
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return batches(samples, order, batchSize, pos -> LoadPlan.PLAIN);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
