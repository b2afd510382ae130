package cyborg.explain;

/**
 * The moving average {@code scipy.ndimage.uniform_filter(image, size, mode='reflect')}: a box
 * filter applied along rows-of-the-array axis 0 (down each column) and then axis 1 (along each
 * row), with the border extended half-sample symmetrically (d c b a | a b c d | d c b a).
 */
final class UniformFilter {
    private UniformFilter() {
    }

    /** Filters a row-major {@code width x height} image; returns a new array. */
    static double[] apply(double[] image, int width, int height, int size) {
        double[] down = new double[image.length];
        double[] line = new double[height];
        double[] out = new double[Math.max(width, height)];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = image[y * width + x];
            }
            filterLine(line, height, size, out);
            for (int y = 0; y < height; y++) {
                down[y * width + x] = out[y];
            }
        }
        double[] result = new double[image.length];
        double[] row = new double[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(down, y * width, row, 0, width);
            filterLine(row, width, size, out);
            System.arraycopy(out, 0, result, y * width, width);
        }
        return result;
    }

    /**
     * scipy's NI_UniformFilter1D (scipy 1.10): a running window sum updated by
     * (entering - leaving) and divided by the size only on output. Summing each window afresh, or
     * dividing the increments, rounds differently; this order reproduces scipy bit for bit.
     */
    private static void filterLine(double[] line, int length, int size, double[] out) {
        int before = size / 2;
        double sum = 0.0;
        for (int k = 0; k < size; k++) {
            sum += line[reflect(k - before, length)];
        }
        out[0] = sum / size;
        for (int i = 1; i < length; i++) {
            sum += line[reflect(i - before + size - 1, length)] - line[reflect(i - before - 1, length)];
            out[i] = sum / size;
        }
    }

    /** Half-sample symmetric index: the edge sample is repeated, period 2 * length. */
    private static int reflect(int i, int length) {
        int period = 2 * length;
        int m = Math.floorMod(i, period);
        return m < length ? m : period - 1 - m;
    }
}
