package cyborg.explain;

/**
 * Mean structural similarity of two saliency maps with the semantics of
 * {@code skimage.metrics.structural_similarity(a, b)} at its defaults: a 7x7 uniform window,
 * K1 = 0.01, K2 = 0.03, sample covariance (N - 1 normalisation over the 49 window pixels) and
 * reflect-mode borders; the SSIM map is averaged over the interior only, 3 pixels in from every
 * side, because border windows see reflected, not real, pixels. Maps of 7x7 (a CAM at feature
 * resolution) therefore have a single interior pixel.
 */
public final class Ssim {
    /** scikit-image's default side of the uniform window. */
    public static final int WINDOW = 7;
    /** The range of uint8 data, which scikit-image infers from the dtype. */
    public static final double UINT8_RANGE = 255.0;
    private static final double K1 = 0.01;
    private static final double K2 = 0.03;

    private Ssim() {
    }

    /**
     * SSIM of two 8-bit maps (row-major values in 0..255), as for uint8 arrays, data range 255.
     *
     * @throws IllegalArgumentException if the maps differ in size, are smaller than 7x7, or hold a
     *     value outside 0..255
     */
    public static double of(int[] a, int[] b, int width, int height) {
        checkShape(a.length, b.length, width, height);
        return mean(toDouble(a, "a"), toDouble(b, "b"), width, height, UINT8_RANGE);
    }

    /** SSIM of two 8-bit maps read by {@link MapFile}. */
    public static double of(GrayMap a, GrayMap b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("maps differ in size: " + a.width() + "x" + a.height()
                    + " vs " + b.width() + "x" + b.height());
        }
        return of(a.values(), b.values(), a.width(), a.height());
    }

    /**
     * SSIM of two float maps with an explicit data range (for example 1.0 for maps in [0, 1]), the
     * same formula scikit-image applies to float64 arrays with {@code data_range=dataRange}.
     *
     * @throws IllegalArgumentException on size mismatch, maps smaller than 7x7 or a data range that
     *     is not a positive finite number
     */
    public static double of(double[] a, double[] b, int width, int height, double dataRange) {
        checkShape(a.length, b.length, width, height);
        if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("data range must be positive and finite, got " + dataRange);
        }
        return mean(a, b, width, height, dataRange);
    }

    private static double mean(double[] a, double[] b, int width, int height, double range) {
        int n = a.length;
        double[] aa = new double[n];
        double[] bb = new double[n];
        double[] ab = new double[n];
        for (int i = 0; i < n; i++) {
            aa[i] = a[i] * a[i];
            bb[i] = b[i] * b[i];
            ab[i] = a[i] * b[i];
        }
        double[] ux = UniformFilter.apply(a, width, height, WINDOW);
        double[] uy = UniformFilter.apply(b, width, height, WINDOW);
        double[] uxx = UniformFilter.apply(aa, width, height, WINDOW);
        double[] uyy = UniformFilter.apply(bb, width, height, WINDOW);
        double[] uxy = UniformFilter.apply(ab, width, height, WINDOW);
        double np = WINDOW * WINDOW;
        double covNorm = np / (np - 1);
        double c1 = (K1 * range) * (K1 * range);
        double c2 = (K2 * range) * (K2 * range);
        int pad = (WINDOW - 1) / 2;
        int innerWidth = width - 2 * pad;
        double[] interior = new double[innerWidth * (height - 2 * pad)];
        int k = 0;
        for (int y = pad; y < height - pad; y++) {
            for (int x = pad; x < width - pad; x++) {
                int i = y * width + x;
                // Same operation order as scikit-image, so that rounding matches too.
                double vx = covNorm * (uxx[i] - ux[i] * ux[i]);
                double vy = covNorm * (uyy[i] - uy[i] * uy[i]);
                double vxy = covNorm * (uxy[i] - ux[i] * uy[i]);
                double a1 = 2 * ux[i] * uy[i] + c1;
                double a2 = 2 * vxy + c2;
                double b1 = ux[i] * ux[i] + uy[i] * uy[i] + c1;
                double b2 = vx + vy + c2;
                interior[k++] = (a1 * a2) / (b1 * b2);
            }
        }
        return NumpySum.buffered(interior) / interior.length;
    }

    private static void checkShape(int lengthA, int lengthB, int width, int height) {
        if (width < WINDOW || height < WINDOW) {
            throw new IllegalArgumentException("SSIM needs maps of at least " + WINDOW + "x" + WINDOW
                    + " (its window size), got " + width + "x" + height);
        }
        long expected = (long) width * height;
        if (lengthA != expected || lengthB != expected) {
            throw new IllegalArgumentException("map sizes do not match " + width + "x" + height + " = "
                    + expected + " values: a has " + lengthA + ", b has " + lengthB);
        }
    }

    private static double[] toDouble(int[] values, String name) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("map " + name + " is not 8-bit: value " + v
                        + " at index " + i);
            }
            out[i] = v;
        }
        return out;
    }
}
