package cyborg.web.annotate.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CocoMasksRleTest {
    /** rleEncode's counts of a column-major mask (index x * h + y), starting with a run of 0s. */
    static long[] encode(boolean[] rowMajor, int h, int w) {
        long[] counts = new long[h * w + 1];
        int k = 0;
        boolean p = false;
        long c = 0;
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                boolean v = rowMajor[y * w + x];
                if (v != p) {
                    counts[k++] = c;
                    c = 0;
                    p = v;
                }
                c++;
            }
        }
        counts[k++] = c;
        return java.util.Arrays.copyOf(counts, k);
    }

    @Test
    void smallCountsAreOneCharEachUntilTheThirdAndDeltasAfter() {
        // 3 -> '3', 2 -> '2', 15 -> '?' (48 + 15), no delta for the first three counts
        assertArrayEquals(new long[] {3, 2, 15}, CocoRle.frString("32?"));
        // the fourth count is coded as 3 - 10 = -7: 5 low bits 11001 = 25 with the sign bit 0x10 -> 'I'
        assertArrayEquals(new long[] {0, 10, 2, 3}, CocoRle.frString("0:2I"));
        assertEquals("0:2I", CocoRle.toString(new long[] {0, 10, 2, 3}));
    }

    @Test
    void countsOf32OrMoreContinueInTheNextChar() {
        // 40 = 0b01000 + 1 << 5: first char 8 | 0x20 (more) = 40 -> 'X', then 1 -> '1'
        assertArrayEquals(new long[] {40}, CocoRle.frString("X1"));
        assertEquals("X1", CocoRle.toString(new long[] {40}));
        // 16 needs two chars, 16 | 0x20 = 48 -> '`' then '0': alone its 0x10 bit would read as a sign
        assertEquals("`0", CocoRle.toString(new long[] {16}));
        assertArrayEquals(new long[] {16}, CocoRle.frString("`0"));
    }

    @Test
    void stringRoundTripsRandomCounts() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            long[] counts = new long[1 + rng.nextInt(40)];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rng.nextInt(4) == 0 ? rng.nextInt(1 << 22) : rng.nextInt(70);
            }
            String s = CocoRle.toString(counts);
            assertTrue(s.chars().allMatch(c -> c >= 48 && c <= 111), s);
            assertArrayEquals(counts, CocoRle.frString(s), s);
        }
    }

    @Test
    void decodeReadsColumnMajor() {
        // 5 wide, 4 high; counts [3, 2, 15]: column-major indices 3 and 4 are set, i.e. (x=0, y=3), (x=1, y=0)
        boolean[] m = CocoRle.decode(new long[] {3, 2, 15}, 4, 5);
        assertEquals("5x4\n01000\n00000\n00000\n10000\n", GoldenMasks.rows(m, 5, 4));
    }

    @Test
    void encodeDecodeRoundTripsRandomMasks() {
        Random rng = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int w = 1 + rng.nextInt(30);
            int h = 1 + rng.nextInt(30);
            boolean[] m = new boolean[w * h];
            double density = rng.nextDouble();
            for (int i = 0; i < m.length; i++) {
                m[i] = rng.nextDouble() < density;
            }
            long[] counts = encode(m, h, w);
            assertArrayEquals(m, CocoRle.decode(CocoRle.frString(CocoRle.toString(counts)), h, w));
        }
    }

    @Test
    void decodeRefusesCountsThatDoNotCoverTheImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CocoRle.decode(new long[] {3, 2, 14}, 4, 5));
        assertTrue(e.getMessage().contains("19") && e.getMessage().contains("20"), e.getMessage());
    }

    @Test
    void frStringRefusesTruncatedAndForeignChars() {
        assertThrows(IllegalArgumentException.class, () -> CocoRle.frString("X")); // 'X' says more follows
        assertThrows(IllegalArgumentException.class, () -> CocoRle.frString("3 2"));
        assertThrows(IllegalArgumentException.class, () -> CocoRle.frString("32z"));
    }

    @Test
    void integerRectangleCoversThePixelsWhoseCentresAreInside() {
        // [2, 6] x [1, 4] on an 8x6 image: columns 2..5, rows 1..3
        long[] counts = CocoRle.frPoly(new double[] {2, 1, 6, 1, 6, 4, 2, 4}, 6, 8);
        assertEquals("8x6\n00000000\n00111100\n00111100\n00111100\n00000000\n00000000\n",
                GoldenMasks.rows(CocoRle.decode(counts, 6, 8), 8, 6));
    }
}
