package cyborg.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count, which is one setting per process. Several scoring tasks that
 * share a JVM (Spark's task slots in one executor) each run a forward pass at once; left at its
 * default (every core) each pass would spread over every core and the tasks would oversubscribe
 * them. Setting it to cores / concurrent tasks keeps one thread per core. Also the per-thread
 * gradient switch, for threads the engine did not start on.
 */
public final class EngineThreads {
    private EngineThreads() {}

    /** PyTorch's intra-op threads now (starts the engine if needed). */
    public static int get() {
        Engine.getEngine("PyTorch");
        return JniUtils.getNumThreads();
    }

    /** Sets PyTorch's intra-op threads for the whole process (starts the engine if needed). */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("PyTorch threads must be at least 1, not " + threads);
        }
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(threads);
    }

    /**
     * Turns gradient recording off for the calling thread. PyTorch's grad mode is per thread and
     * the engine turns it off only on the thread that starts it: a model loaded or run on another
     * thread (a Spark task's) would otherwise record graphs, and loading weights into its
     * parameters fails ("a leaf Variable that requires grad is being used in an in-place operation").
     * {@link LoadedModel} calls it on every load and run, so any thread (a Spark task's, a serve
     * worker's) scores without recording graphs; gradient methods run inside open their own
     * collector, which turns recording on for its scope.
     */
    public static void inferenceOnThisThread() {
        Engine.getEngine("PyTorch");
        JniUtils.setGradMode(false);
    }
}
