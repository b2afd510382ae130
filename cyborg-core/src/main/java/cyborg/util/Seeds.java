package cyborg.util;

import java.util.Random;

/**
 * Derives independent random streams from a seed and indices. {@code new Random(seed + i)} is
 * not enough: java.util.Random's first outputs for nearby seeds are correlated, which once put a
 * label-correlated colour into generated data. Seeds here go through SplitMix64's finaliser.
 */
public final class Seeds {
    private Seeds() {}

    /** A well-mixed 64-bit seed for the tuple (seed, parts...). */
    public static long mix(long seed, long... parts) {
        long h = finalize(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : parts) {
            h = finalize(h ^ finalize(p + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** A random stream for the tuple (seed, parts...). */
    public static Random random(long seed, long... parts) {
        return new Random(mix(seed, parts));
    }

    private static long finalize(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
