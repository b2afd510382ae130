package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ShannonEntropy against skimage.measure.shannon_entropy on the golden maps, within 1e-12. */
class ShannonEntropyGoldenTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void bitsAndNormalizedMatchScikitImageOnEveryGoldenMap() {
        List<String[]> rows = MeasureGolden.rows("entropy.tsv");
        assertTrue(rows.size() >= 20, "golden table too small: " + rows.size());
        double maxBits = 0;
        double maxNorm = 0;
        int bitIdentical = 0;
        for (String[] r : rows) {
            GrayMap map = MeasureGolden.grayPng(r[0]);
            assertEquals(Integer.parseInt(r[1]), map.width(), r[0]);
            assertEquals(Integer.parseInt(r[2]), map.height(), r[0]);
            double bits = Double.parseDouble(r[3]);
            double norm = Double.parseDouble(r[4]);
            double fromInts = ShannonEntropy.bits(map.values());
            double fromBytes = ShannonEntropy.bits(MeasureGolden.bytes(map.values()));
            double normalized = ShannonEntropy.normalized(map.values());
            assertEquals(bits, fromInts, TOLERANCE, r[0] + " bits(int[])");
            assertEquals(bits, fromBytes, TOLERANCE, r[0] + " bits(byte[])");
            assertEquals(norm, normalized, TOLERANCE, r[0] + " normalized");
            assertEquals(norm, ShannonEntropy.normalized(MeasureGolden.bytes(map.values())), TOLERANCE);
            maxBits = Math.max(maxBits, Math.max(Math.abs(bits - fromInts), Math.abs(bits - fromBytes)));
            maxNorm = Math.max(maxNorm, Math.abs(norm - normalized));
            bitIdentical += bits == fromInts ? 1 : 0;
        }
        System.out.println("GOLDEN entropy cases=" + rows.size() + " maxAbsDiffBits=" + maxBits
                + " maxAbsDiffNormalized=" + maxNorm + " bitIdenticalBits=" + bitIdentical);
    }
}
