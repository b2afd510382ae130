package cyborg.nn;

/**
 * Counts the floating-point operations of the matrix-multiply work (convolutions and linear
 * layers: 2 per multiply-add) that a forward pass on the current thread performs, so that a
 * benchmark can state its throughput as a share of the machine's matrix-multiply peak. The
 * element-wise layers (batch norm, ReLU, pooling, additions) are left out: they are a few percent
 * of the operations and are bound by memory, not arithmetic.
 */
public final class FlopCount {
    private static final ThreadLocal<long[]> ACTIVE = new ThreadLocal<>();

    private FlopCount() {}

    /** Runs {@code forward} and returns the operations it counted. */
    public static long of(Runnable forward) {
        long[] count = {0};
        ACTIVE.set(count);
        try {
            forward.run();
        } finally {
            ACTIVE.remove();
        }
        return count[0];
    }

    /** Adds {@code multiplyAdds} (times 2) when a count is running on this thread. */
    static void addMultiplyAdds(long multiplyAdds) {
        long[] count = ACTIVE.get();
        if (count != null) {
            count[0] += 2 * multiplyAdds;
        }
    }
}
