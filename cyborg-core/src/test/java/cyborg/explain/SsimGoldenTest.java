package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ssim against skimage.metrics.structural_similarity (uint8 maps with defaults, and the same maps
 * as float64 / 255 with data_range=1) and Pearson against numpy.corrcoef, on the golden pairs.
 */
class SsimGoldenTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void ssimAndPearsonMatchReferenceOnEveryGoldenPair() {
        List<String[]> rows = MeasureGolden.rows("ssim.tsv");
        assertTrue(rows.size() >= 20, "golden table too small: " + rows.size());
        double maxInt = 0;
        double maxFloat = 0;
        double maxPearson = 0;
        int bitIdentical = 0;
        for (String[] r : rows) {
            GrayMap a = MeasureGolden.grayPng(r[1]);
            GrayMap b = MeasureGolden.grayPng(r[2]);
            double expected = Double.parseDouble(r[3]);
            double expectedFloat = Double.parseDouble(r[4]);
            double expectedPearson = Double.parseDouble(r[5]);
            double actual = Ssim.of(a.values(), b.values(), a.width(), a.height());
            double actualFloat = Ssim.of(MeasureGolden.scaled(a.values(), 255.0),
                    MeasureGolden.scaled(b.values(), 255.0), a.width(), a.height(), 1.0);
            double pearson = Pearson.of(a.values(), b.values());
            assertEquals(expected, actual, TOLERANCE, r[0] + " uint8 SSIM");
            assertEquals(expectedFloat, actualFloat, TOLERANCE, r[0] + " float SSIM, range 1");
            assertEquals(expectedPearson, pearson, TOLERANCE, r[0] + " Pearson");
            maxInt = Math.max(maxInt, Math.abs(expected - actual));
            maxFloat = Math.max(maxFloat, Math.abs(expectedFloat - actualFloat));
            maxPearson = Math.max(maxPearson, Math.abs(expectedPearson - pearson));
            bitIdentical += expected == actual ? 1 : 0;
        }
        System.out.println("GOLDEN ssim pairs=" + rows.size() + " maxAbsDiffUint8=" + maxInt
                + " maxAbsDiffFloat=" + maxFloat + " maxAbsDiffPearson=" + maxPearson
                + " bitIdenticalUint8=" + bitIdentical);
    }
}
