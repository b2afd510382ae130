package cyborg.explain;

/**
 * The moving average {@code scipy.ndimage.uniform_filter(image, size, mode='reflect')}: a box
 * filter applied along rows-of-the-array axis 0 (down each column) and then axis 1 (along each
 * row), with the border extended half-sample symmetrically (d c b a | a b c d | d c b a).
 */
final class UniformFilter {
    private UniformFilter() {
    }

    /**
     * Filters a row-major {@code width x height} image; returns a new array. Both passes walk the
     * image row by row (the column pass keeps one running sum per column) and look reflected
     * indices up in a table, which made SSIM of 224x224 maps several times faster than gathering
     * each column and computing {@link #reflect} per sample; the sums are the same, bit for bit.
     */
    static double[] apply(double[] image, int width, int height, int size) {
        double[] down = new double[image.length];
        filterColumns(image, width, height, size, down);
        double[] result = new double[image.length];
        filterRows(down, width, height, size, result);
        return result;
    }

    /**
     * scipy's NI_UniformFilter1D (scipy 1.10) down every column at once: a running window sum
     * updated by (entering - leaving) and divided by the size only on output. Summing each window
     * afresh, or dividing the increments, rounds differently; this order reproduces scipy bit for bit.
     */
    private static void filterColumns(double[] image, int width, int height, int size, double[] out) {
        int[] rowOf = reflectedIndices(height, size);
        double[] sum = new double[width];
        for (int k = 0; k < size; k++) {
            int from = rowOf[k] * width;
            for (int x = 0; x < width; x++) {
                sum[x] += image[from + x];
            }
        }
        for (int x = 0; x < width; x++) {
            out[x] = sum[x] / size;
        }
        for (int y = 1; y < height; y++) {
            int entering = rowOf[y + size - 1] * width;
            int leaving = rowOf[y - 1] * width;
            int to = y * width;
            for (int x = 0; x < width; x++) {
                sum[x] += image[entering + x] - image[leaving + x];
                out[to + x] = sum[x] / size;
            }
        }
    }

    /** The same running sum along every row. */
    private static void filterRows(double[] image, int width, int height, int size, double[] out) {
        int[] colOf = reflectedIndices(width, size);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            double sum = 0.0;
            for (int k = 0; k < size; k++) {
                sum += image[row + colOf[k]];
            }
            out[row] = sum / size;
            for (int x = 1; x < width; x++) {
                sum += image[row + colOf[x + size - 1]] - image[row + colOf[x - 1]];
                out[row + x] = sum / size;
            }
        }
    }

    /**
     * For window positions {@code -size/2 .. length - 1 + size - 1 - size/2} (table index 0 up),
     * the sample each reads once the border is reflected.
     */
    private static int[] reflectedIndices(int length, int size) {
        int before = size / 2;
        int[] table = new int[length + size - 1];
        for (int i = 0; i < table.length; i++) {
            table[i] = reflect(i - before, length);
        }
        return table;
    }

    /** Half-sample symmetric index: the edge sample is repeated, period 2 * length. */
    private static int reflect(int i, int length) {
        int period = 2 * length;
        int m = Math.floorMod(i, period);
        return m < length ? m : period - 1 - m;
    }
}
