package cyborg.spark.score;

import cyborg.model.ComputeDevice;
import cyborg.model.LoadedModel;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The models of this JVM (an executor, or the driver in local mode): each model is loaded once per
 * concurrently running task and kept for the JVM's life, so a task borrows a loaded model and gives
 * it back. A predictor is not thread-safe, so two tasks running at once never share one: the pool
 * holds as many instances of a model as tasks have used it at the same time (at most the
 * executor's task slots). A GPU model is pooled per GPU: a task borrows an instance on the GPU
 * Spark gave it ({@link TaskGpu}).
 */
public final class ModelPool {
    /** A model on one device: on a GPU machine each GPU holds its own instances. */
    private record Key(ModelSpec spec, int gpu) {}

    private static final Map<Key, Deque<LoadedModel>> IDLE = new ConcurrentHashMap<>();
    private static final AtomicLong LOADS = new AtomicLong();
    private static final AtomicLong LOAD_NANOS = new AtomicLong();

    private ModelPool() {}

    /** A model borrowed from the pool; closing it gives it back. */
    public static final class Lease implements AutoCloseable {
        private final Key spec;
        private final LoadedModel model;
        private final long loadNanos;

        private Lease(Key spec, LoadedModel model, long loadNanos) {
            this.spec = spec;
            this.model = model;
            this.loadNanos = loadNanos;
        }

        public LoadedModel model() {
            return model;
        }

        /** How long this borrow spent loading the model (0 when an idle instance was reused). */
        public long loadNanos() {
            return loadNanos;
        }

        @Override
        public void close() {
            Deque<LoadedModel> idle = IDLE.computeIfAbsent(spec, k -> new ArrayDeque<>());
            synchronized (idle) {
                idle.push(model);
            }
        }
    }

    /** An idle instance of {@code spec}'s model, or a newly loaded one when every instance is in use. */
    public static Lease borrow(ModelSpec spec) throws IOException {
        // a GPU model goes on the task's own GPU (one pool per GPU), else on the first
        Key key = new Key(spec, spec.device() == ComputeDevice.GPU ? TaskGpu.indexOrFirst() : 0);
        Deque<LoadedModel> idle = IDLE.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (idle) {
            LoadedModel model = idle.poll();
            if (model != null) {
                return new Lease(key, model, 0);
            }
        }
        long start = System.nanoTime();
        LoadedModel model = spec.open(key.gpu());
        long took = System.nanoTime() - start;
        LOADS.incrementAndGet();
        LOAD_NANOS.addAndGet(took);
        return new Lease(key, model, took);
    }

    /** How many model instances this JVM has loaded. */
    public static long loads() {
        return LOADS.get();
    }

    /** Closes the idle instances of {@code spec} (a local job's end: the process may go on). */
    public static void release(ModelSpec spec) {
        for (Key key : IDLE.keySet()) {
            if (!key.spec().equals(spec)) {
                continue;
            }
            Deque<LoadedModel> idle = IDLE.remove(key);
            if (idle != null) {
                synchronized (idle) {
                    idle.forEach(LoadedModel::close);
                    idle.clear();
                }
            }
        }
    }
}
