package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UniformFilterTest {

    @Test
    void borderIsExtendedHalfSampleSymmetrically() {
        // Each row is 0..6; at x = 0 the window reads 2 1 0 | 0 1 2 3 (sum 9), at x = 6 it reads
        // 3 4 5 6 | 6 5 4 (sum 33). Edge clamping would give 6/7 and 36/7 instead.
        int w = 7;
        int h = 7;
        double[] image = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image[y * w + x] = x;
            }
        }
        double[] out = UniformFilter.apply(image, w, h, 7);
        double[] expectedRow = {9.0 / 7, 11.0 / 7, 15.0 / 7, 21.0 / 7, 27.0 / 7, 31.0 / 7, 33.0 / 7};
        for (int y = 0; y < h; y++) {
            double[] row = java.util.Arrays.copyOfRange(out, y * w, y * w + w);
            assertArrayEquals(expectedRow, row, 1e-12, "row " + y);
        }
    }

    @Test
    void filtersDownColumnsAsWellAsAlongRows() {
        // A single bright pixel spreads into a 7x7 square of value 1/49 around it.
        int w = 9;
        int h = 11;
        double[] image = new double[w * h];
        image[5 * w + 4] = 49;
        double[] out = UniformFilter.apply(image, w, h, 7);
        assertEquals(1.0, out[2 * w + 1], 1e-12);
        assertEquals(1.0, out[8 * w + 7], 1e-12);
        assertEquals(0.0, out[1 * w + 4], 1e-12);
        assertEquals(0.0, out[9 * w + 4], 1e-12);
    }

    @Test
    void equalsTheColumnThenRowFilterBitForBitOnRandomImages() {
        java.util.Random rng = new java.util.Random(10);
        for (int[] wh : new int[][] {{7, 7}, {12, 7}, {7, 12}, {3, 5}, {224, 224}, {31, 17}}) {
            int w = wh[0];
            int h = wh[1];
            double[] image = new double[w * h];
            for (int i = 0; i < image.length; i++) {
                image[i] = rng.nextInt(256) * (rng.nextBoolean() ? 1.0 : rng.nextInt(256)); // like a and a*b
            }
            assertArrayEquals(lineByLine(image, w, h, 7), UniformFilter.apply(image, w, h, 7), 0.0, w + "x" + h);
        }
    }

    /** The filter as scipy writes it: each column gathered and filtered, then each row. */
    private static double[] lineByLine(double[] image, int w, int h, int size) {
        double[] down = new double[image.length];
        for (int x = 0; x < w; x++) {
            double[] line = new double[h];
            for (int y = 0; y < h; y++) {
                line[y] = image[y * w + x];
            }
            double[] f = scipyLine(line, size);
            for (int y = 0; y < h; y++) {
                down[y * w + x] = f[y];
            }
        }
        double[] out = new double[image.length];
        for (int y = 0; y < h; y++) {
            System.arraycopy(scipyLine(java.util.Arrays.copyOfRange(down, y * w, y * w + w), size), 0, out, y * w, w);
        }
        return out;
    }

    /** scipy's NI_UniformFilter1D with mode='reflect'. */
    private static double[] scipyLine(double[] line, int size) {
        int n = line.length;
        int before = size / 2;
        double[] out = new double[n];
        double sum = 0.0;
        for (int k = 0; k < size; k++) {
            sum += line[reflect(k - before, n)];
        }
        out[0] = sum / size;
        for (int i = 1; i < n; i++) {
            sum += line[reflect(i - before + size - 1, n)] - line[reflect(i - before - 1, n)];
            out[i] = sum / size;
        }
        return out;
    }

    private static int reflect(int i, int n) {
        int m = Math.floorMod(i, 2 * n);
        return m < n ? m : 2 * n - 1 - m;
    }
}
