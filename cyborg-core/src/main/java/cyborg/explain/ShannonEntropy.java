package cyborg.explain;

import java.util.Arrays;

/**
 * Shannon entropy of a saliency map's value histogram, as {@code skimage.measure.shannon_entropy}
 * computes it (base 2): how spread out the map's intensities are, regardless of where the pixels
 * are. A map with one value has 0 bits; a map whose pixels are all different has log2(pixels).
 */
public final class ShannonEntropy {
    private static final double LN2 = Math.log(2.0);

    private ShannonEntropy() {
    }

    /** Entropy in bits of the histogram of the distinct values (any ints, not only 0..255). */
    public static double bits(int[] values) {
        requireNonEmpty(values.length);
        if (isEightBit(values)) {
            return bitsOfEightBit(values); // a histogram, not a sort: the same counts in the same order
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        // Counts in ascending value order, the order np.unique reports and np.sum adds them.
        long[] counts = new long[sorted.length];
        int distinct = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            counts[distinct++] = j - i;
            i = j;
        }
        return fromCounts(counts, distinct, values.length);
    }

    /** Entropy in bits of an 8-bit map whose bytes are read as unsigned 0..255. */
    public static double bits(byte[] values) {
        requireNonEmpty(values.length);
        long[] histogram = new long[256];
        for (byte v : values) {
            histogram[v & 0xFF]++;
        }
        return fromHistogram(histogram, values.length);
    }

    private static boolean isEightBit(int[] values) {
        for (int v : values) {
            if ((v & ~0xFF) != 0) {
                return false;
            }
        }
        return true;
    }

    private static double bitsOfEightBit(int[] values) {
        long[] histogram = new long[256];
        for (int v : values) {
            histogram[v]++;
        }
        return fromHistogram(histogram, values.length);
    }

    private static double fromHistogram(long[] histogram, int total) {
        long[] counts = new long[256];
        int distinct = 0;
        for (long c : histogram) {
            if (c > 0) {
                counts[distinct++] = c;
            }
        }
        return fromCounts(counts, distinct, total);
    }

    /**
     * {@link #bits(int[])} divided by log2 of the number of pixels, the most a map of that size can
     * reach, so that maps of different resolutions compare on [0, 1]. A one-pixel map gives 0.
     */
    public static double normalized(int[] values) {
        return normalize(bits(values), values.length);
    }

    /** Entropy {@code bits} of a map of {@code pixels} normalised as {@link #normalized(int[])} does. */
    public static double normalized(double bits, int pixels) {
        return normalize(bits, pixels);
    }

    /** {@link #normalized(int[])} for an 8-bit map read as unsigned bytes. */
    public static double normalized(byte[] values) {
        return normalize(bits(values), values.length);
    }

    private static double fromCounts(long[] counts, int distinct, int total) {
        // scipy.stats.entropy: pk = counts / sum, S = sum(entr(pk)) / log(base).
        double[] terms = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            double p = counts[i] / (double) total;
            terms[i] = -p * Math.log(p);
        }
        return NumpySum.pairwise(terms, 0, distinct) / LN2;
    }

    private static double normalize(double bits, int pixels) {
        if (pixels == 1) {
            return 0.0;
        }
        double max = Math.log(pixels) / LN2;
        // The quotient of two rounded logs can land an ulp above 1 for all-distinct maps.
        return Math.min(1.0, bits / max);
    }

    private static void requireNonEmpty(int length) {
        if (length == 0) {
            throw new IllegalArgumentException("entropy of an empty map is undefined");
        }
    }
}
