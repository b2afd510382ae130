package cyborg.explain;

/**
 * Sums doubles in the order numpy's {@code np.sum} adds them, so that measures reproduced from
 * scikit-image agree with it to the last bit rather than only to rounding error.
 */
final class NumpySum {
    /** numpy's PW_BLOCKSIZE: below it, eight interleaved accumulators; above it, halving. */
    private static final int BLOCK = 128;

    /** numpy's default ufunc buffer size (np.getbufsize()), in elements. */
    private static final int BUFFER = 8192;

    private NumpySum() {
    }

    /**
     * The sum numpy computes for a non-contiguous array, such as a cropped 2-D view: its iterator
     * copies the elements in C order into buffers of 8192, sums each buffer pairwise and adds the
     * buffer sums in turn.
     */
    static double buffered(double[] a) {
        double total = 0.0;
        for (int from = 0; from < a.length; from += BUFFER) {
            total += pairwise(a, from, Math.min(BUFFER, a.length - from));
        }
        return total;
    }

    /** numpy's pairwise summation of {@code a[from, from + n)} (contiguous 1-D reduce). */
    static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        // Split on a multiple of the unroll factor, as numpy does.
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
}
