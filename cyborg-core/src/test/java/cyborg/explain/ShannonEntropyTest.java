package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShannonEntropyTest {

    @Test
    void twoValuesInEqualNumbersGiveExactlyOneBit() {
        int[] map = new int[64];
        for (int i = 32; i < 64; i++) {
            map[i] = 255;
        }
        assertEquals(1.0, ShannonEntropy.bits(map), 0.0);
    }

    @Test
    void fourValuesInEqualNumbersGiveTwoBits() {
        assertEquals(2.0, ShannonEntropy.bits(new int[] {0, 10, 20, 30, 30, 20, 10, 0}), 1e-15);
    }

    @Test
    void constantMapHasZeroBits() {
        assertEquals(0.0, ShannonEntropy.bits(new int[49]), 0.0);
        assertEquals(0.0, ShannonEntropy.normalized(new int[49]), 0.0);
    }

    @Test
    void unevenHistogramFollowsShannonsFormula() {
        // p = 3/4, 1/4: -(0.75 log2 0.75 + 0.25 log2 0.25)
        double expected = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2);
        assertEquals(expected, ShannonEntropy.bits(new int[] {7, 7, 7, 9}), 1e-15);
    }

    @Test
    void fortyNineDistinctValuesOnA7x7MapNormalizeToOne() {
        int[] map = new int[49];
        for (int i = 0; i < 49; i++) {
            map[i] = i * 5;
        }
        assertEquals(Math.log(49) / Math.log(2), ShannonEntropy.bits(map), 1e-14);
        assertEquals(1.0, ShannonEntropy.normalized(map), 0.0);
    }

    @Test
    void normalizedDividesByLog2OfThePixelCount() {
        int[] map = new int[64]; // one bit over log2(64) = 6
        for (int i = 0; i < 32; i++) {
            map[i] = 1;
        }
        assertEquals(1.0 / 6.0, ShannonEntropy.normalized(map), 1e-15);
    }

    @Test
    void entropyDependsOnTheHistogramNotOnWherePixelsAre() {
        int[] ordered = {0, 0, 0, 50, 50, 200, 200, 200, 200};
        int[] shuffled = {200, 50, 0, 200, 0, 200, 50, 0, 200};
        assertEquals(ShannonEntropy.bits(ordered), ShannonEntropy.bits(shuffled), 0.0);
    }

    @Test
    void bytesAreReadAsUnsignedValues() {
        // Read as signed, byte 200 is -56: a histogram indexed by it would fail outright.
        byte[] bytes = {(byte) 200, (byte) 200, (byte) 200, 72};
        assertEquals(ShannonEntropy.bits(new int[] {200, 200, 200, 72}), ShannonEntropy.bits(bytes), 0.0);
        assertEquals(0.0, ShannonEntropy.bits(new byte[] {(byte) 255, (byte) 255}), 0.0);
    }

    @Test
    void valuesOutsideTheByteRangeAreCountedAsThemselves() {
        // 256 and 0 would collide if the int[] overload truncated to 8 bits.
        assertEquals(1.0, ShannonEntropy.bits(new int[] {0, 256}), 0.0);
    }

    @Test
    void singlePixelMapNormalizesToZeroInsteadOfDividingByZero() {
        assertEquals(0.0, ShannonEntropy.normalized(new int[] {42}), 0.0);
    }

    @Test
    void emptyMapIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ShannonEntropy.bits(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ShannonEntropy.bits(new byte[0]));
    }
}
