package cyborg.image;

/**
 * Per-output-pixel coefficient windows of PIL's bilinear (triangle) resampling filter along
 * one axis; a transcription of {@code precompute_coeffs} in Pillow's
 * {@code src/libImaging/Resample.c}.
 *
 * <p>Output pixel {@code i} is the weighted sum of input pixels
 * {@code start(i) .. start(i)+count(i)-1} with weights {@code weight(i, 0..count(i)-1)}, which
 * sum to 1. Arithmetic is in double, in PIL's order, so the weights are bit-identical to PIL's.
 */
final class FilterWindows {
    /** Half-width of the bilinear (triangle) filter in input pixels at scale 1. */
    private static final double BILINEAR_SUPPORT = 1.0;

    final int outSize;
    /** Maximum window length; windows are stored at a stride of {@code ksize}. */
    final int ksize;
    /** {@code start, count} pairs per output pixel. */
    final int[] bounds;
    /** Normalised weights, {@code ksize} per output pixel, zero-padded. */
    final double[] weights;

    private FilterWindows(int outSize, int ksize, int[] bounds, double[] weights) {
        this.outSize = outSize;
        this.ksize = ksize;
        this.bounds = bounds;
        this.weights = weights;
    }

    static FilterWindows bilinear(int inSize, int outSize) {
        // PIL passes the box edges as C floats (0 and inSize) and subtracts them in float;
        // exact for any realistic size, kept as float for fidelity.
        float in0 = 0f;
        float in1 = inSize;
        double scale = (double) (in1 - in0) / outSize;
        // When shrinking, the filter is stretched by the scale: this is PIL's antialiasing.
        double filterScale = Math.max(scale, 1.0);
        double support = BILINEAR_SUPPORT * filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] bounds = new int[outSize * 2];
        double[] kk = new double[outSize * ksize];
        double ss = 1.0 / filterScale;
        for (int xx = 0; xx < outSize; xx++) {
            double center = in0 + (xx + 0.5) * scale;
            // (int) truncates toward zero exactly like C's cast; PIL calls this rounding.
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            int base = xx * ksize;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                double w = triangle((x + xmin - center + 0.5) * ss);
                kk[base + x] = w;
                ww += w;
            }
            if (ww != 0.0) {
                for (int x = 0; x < xmax; x++) {
                    kk[base + x] /= ww;
                }
            }
            bounds[xx * 2] = xmin;
            bounds[xx * 2 + 1] = xmax;
        }
        return new FilterWindows(outSize, ksize, bounds, kk);
    }

    private static double triangle(double x) {
        if (x < 0.0) {
            x = -x;
        }
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    int start(int i) {
        return bounds[2 * i];
    }

    int count(int i) {
        return bounds[2 * i + 1];
    }

    /**
     * Weights as PIL's 8-bit fixed point ({@code normalize_coeffs_8bpc}): scaled by
     * 2^{@link Resampler#PRECISION_BITS} and rounded half away from zero.
     */
    int[] fixedPoint() {
        int[] k = new int[weights.length];
        double one = 1 << Resampler.PRECISION_BITS;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            k[i] = w < 0 ? (int) (-0.5 + w * one) : (int) (0.5 + w * one);
        }
        return k;
    }
}
