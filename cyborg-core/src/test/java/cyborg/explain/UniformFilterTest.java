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
}
