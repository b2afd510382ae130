package cyborg.web;

import cyborg.data.Batch;
import cyborg.model.LoadedModel;
import cyborg.model.Prediction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One model's forward passes, shared by every client: requests put preprocessed images on a
 * bounded queue; this worker takes the first waiting image, gathers more until it has
 * {@code maxBatch} or {@code batchWindowMillis} have passed since the first, and runs them as one
 * batch through the model's {@link cyborg.model.Inference} path. Images already waiting join
 * without waiting, so under load batches fill at once and the window costs nothing.
 */
final class BatchWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWorker.class);

    /** One image waiting to be scored. */
    private record Job(float[] input, boolean cam, CompletableFuture<Prediction> result) {
    }

    private final String name;
    private final LoadedModel model;
    private final int maxBatch;
    private final long windowNanos;
    private final int capacity;
    private final BlockingQueue<Job> queue;
    private final Runnable beforeForward;
    private final ServeMetrics metrics;
    private final Thread thread;
    private volatile boolean running = true;

    BatchWorker(String name, LoadedModel model, ServeConfig config, ServeMetrics metrics) {
        this.name = name;
        this.model = model;
        this.maxBatch = config.maxBatch();
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(config.batchWindowMillis());
        this.capacity = config.queueCapacity();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.beforeForward = config.beforeForward;
        this.metrics = metrics;
        this.thread = new Thread(this::loop, "cyborg-batch-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues one normalised input (3, size, size); the future completes after its batch's forward
     * pass, with the label's CAM when this image or another of its batch asked for one.
     */
    CompletableFuture<Prediction> submit(float[] input, boolean cam) throws QueueFullException {
        Job job = new Job(input, cam, new CompletableFuture<>());
        if (!running || !queue.offer(job)) {
            throw new QueueFullException(name, capacity);
        }
        return job.result();
    }

    /** Whether it takes images: started, not closed, and its thread alive. */
    boolean running() {
        return running && thread.isAlive();
    }

    /** Images waiting now. */
    int depth() {
        return queue.size();
    }

    private void loop() {
        List<Job> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + windowNanos;
                while (batch.size() < maxBatch) {
                    long wait = deadline - System.nanoTime();
                    Job next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                beforeForward.run();
                forward(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(batch, e);
                failWaiting(e);
                return;
            } catch (RuntimeException | Error e) { // e.g. a batch too large to allocate: fail it, keep serving
                LOG.error("model '{}': a batch of {} images failed", name, batch.size(), e);
                fail(batch, e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Fails every image still queued: nobody will take them. */
    private void failWaiting(Throwable e) {
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, e);
    }

    private void forward(List<Job> jobs) {
        int n = jobs.size();
        int length = jobs.get(0).input().length;
        float[] images = new float[n * length];
        boolean anyCam = false;
        for (int i = 0; i < n; i++) {
            System.arraycopy(jobs.get(i).input(), 0, images, i * length, length);
            anyCam |= jobs.get(i).cam();
        }
        boolean cams = anyCam;
        // In-memory images: no samples, no labels (the label's CAM needs none), no human maps.
        Batch batch = new Batch(List.of(), images, new long[n], new float[0], new float[0], null);
        metrics.batchSize(name, n);
        try {
            model.run(batch, o -> {
                List<Prediction> predictions = o.predictions(cams);
                for (int i = 0; i < n; i++) {
                    jobs.get(i).result().complete(predictions.get(i));
                }
            });
        } catch (Exception | Error e) {
            LOG.error("model '{}' failed on a batch of {} images", name, n, e);
            fail(jobs, e);
        }
    }

    private static void fail(List<Job> jobs, Throwable e) {
        jobs.forEach(j -> j.result().completeExceptionally(e));
    }

    /** Stops taking images, finishes those queued, and waits for the worker to end. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
