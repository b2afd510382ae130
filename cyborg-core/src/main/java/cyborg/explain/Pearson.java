package cyborg.explain;

/**
 * Pearson correlation between two saliency maps, pixel by pixel (the linear-agreement measure
 * reported next to SSIM).
 *
 * <p>Where either map is constant the coefficient is mathematically undefined (numpy returns NaN);
 * this returns 0 instead, read as "no linear agreement", so that averages over many maps stay
 * finite. Callers that must tell a constant map apart should check for it themselves.
 */
public final class Pearson {
    private Pearson() {
    }

    /**
     * Correlation coefficient in [-1, 1]; 0 when either input is constant.
     *
     * @throws IllegalArgumentException if the lengths differ, the inputs are empty or hold NaN or
     *     infinite values
     */
    public static double of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("correlation of empty inputs is undefined");
        }
        requireFinite(a, "a");
        requireFinite(b, "b");
        // Tested by equality, not by a zero variance: the rounded mean of a constant non-integer
        // map differs from its values by an ulp, which would give a meaningless coefficient.
        if (isConstant(a) || isConstant(b)) {
            return 0.0;
        }
        double meanA = mean(a);
        double meanB = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        double r = sab / Math.sqrt(saa * sbb);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** {@link #of(double[], double[])} for integer maps, e.g. 8-bit saliency values. */
    public static double of(int[] a, int[] b) {
        double[] da = new double[a.length];
        double[] db = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            da[i] = a[i];
        }
        for (int i = 0; i < b.length; i++) {
            db[i] = b[i];
        }
        return of(da, db);
    }

    private static boolean isConstant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static void requireFinite(double[] v, String name) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + v[i]);
            }
        }
    }
}
