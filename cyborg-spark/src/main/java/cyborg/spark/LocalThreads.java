package cyborg.spark;

import cyborg.model.EngineThreads;

import org.apache.spark.SparkContext;

/**
 * Gives this JVM its PyTorch thread count back after a job on a local master. The tasks of such
 * a job run in this JVM and set PyTorch's thread count, one setting per process, to their share
 * of the cores; left so, whatever the JVM runs next (another command in a test run or a notebook)
 * would run on that share, and a training would sum in another order than on its own.
 */
public final class LocalThreads implements AutoCloseable {
    private final int before;

    private LocalThreads(int before) {
        this.before = before;
    }

    /** Remembers the thread count when {@code sc} runs its tasks in this JVM; nothing otherwise. */
    public static LocalThreads keep(SparkContext sc) {
        return new LocalThreads(Clusters.isLocal(sc.master()) ? EngineThreads.get() : 0);
    }

    @Override
    public void close() {
        if (before > 0) {
            EngineThreads.set(before);
        }
    }
}
