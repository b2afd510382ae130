package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsimTest {

    @Test
    void identicalMapsGiveOne() {
        int[] map = randomMap(new Random(1), 7 * 7);
        assertEquals(1.0, Ssim.of(map, map.clone(), 7, 7), 1e-15);
        int[] big = randomMap(new Random(2), 224 * 224);
        assertEquals(1.0, Ssim.of(big, big.clone(), 224, 224), 1e-15);
    }

    @Test
    void constantMapAgainstItselfGivesOne() {
        int[] map = new int[49];
        Arrays.fill(map, 128);
        assertEquals(1.0, Ssim.of(map, map, 7, 7), 0.0);
    }

    @Test
    void twoConstantMapsReduceToTheLuminanceTerm() {
        // No variance anywhere, so SSIM = (2 c d + C1) / (c^2 + d^2 + C1), C1 = (0.01 * 255)^2.
        int[] a = new int[9 * 8];
        int[] b = new int[9 * 8];
        Arrays.fill(a, 100);
        Arrays.fill(b, 50);
        double c1 = Math.pow(0.01 * 255, 2);
        double expected = (2 * 100 * 50 + c1) / (100 * 100 + 50 * 50 + c1);
        assertEquals(expected, Ssim.of(a, b, 9, 8), 1e-15);
    }

    @Test
    void sevenBySevenMapIsOneWindowWithSampleCovariance() {
        // The single interior pixel's window is the whole map, so SSIM is the global formula
        // with N - 1 = 48 normalisation; computed here directly from the definition.
        Random rnd = new Random(7);
        int[] a = randomMap(rnd, 49);
        int[] b = randomMap(rnd, 49);
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double va = 0;
        double vb = 0;
        double cov = 0;
        for (int i = 0; i < 49; i++) {
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
            cov += (a[i] - ma) * (b[i] - mb);
        }
        va /= 48;
        vb /= 48;
        cov /= 48;
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        double expected = (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
        assertEquals(expected, Ssim.of(a, b, 7, 7), 1e-12);
    }

    @Test
    void isSymmetricInItsArguments() {
        Random rnd = new Random(3);
        int[] a = randomMap(rnd, 12 * 9);
        int[] b = randomMap(rnd, 12 * 9);
        assertEquals(Ssim.of(a, b, 12, 9), Ssim.of(b, a, 12, 9), 0.0);
    }

    @Test
    void invertedMapScoresBelowNoisyCopy() {
        Random rnd = new Random(4);
        int[] a = smoothMap(32, 32);
        int[] inverted = new int[a.length];
        int[] noisy = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            inverted[i] = 255 - a[i];
            noisy[i] = Math.max(0, Math.min(255, a[i] + rnd.nextInt(21) - 10));
        }
        double sInverted = Ssim.of(a, inverted, 32, 32);
        double sNoisy = Ssim.of(a, noisy, 32, 32);
        assertTrue(sInverted < 0 && sNoisy > 0.5, "inverted " + sInverted + ", noisy " + sNoisy);
    }

    @Test
    void floatOverloadWithRange255AgreesWithTheIntOverload() {
        Random rnd = new Random(5);
        int[] a = randomMap(rnd, 10 * 11);
        int[] b = randomMap(rnd, 10 * 11);
        double[] da = Arrays.stream(a).asDoubleStream().toArray();
        double[] db = Arrays.stream(b).asDoubleStream().toArray();
        assertEquals(Ssim.of(a, b, 10, 11), Ssim.of(da, db, 10, 11, 255.0), 0.0);
    }

    @Test
    void dataRangeSetsTheStabilisingConstants() {
        // The same maps scaled to [0, 1] with range 1 keep their SSIM (up to rounding).
        Random rnd = new Random(6);
        int[] a = randomMap(rnd, 8 * 8);
        int[] b = randomMap(rnd, 8 * 8);
        double[] da = Arrays.stream(a).mapToDouble(v -> v / 255.0).toArray();
        double[] db = Arrays.stream(b).mapToDouble(v -> v / 255.0).toArray();
        assertEquals(Ssim.of(a, b, 8, 8), Ssim.of(da, db, 8, 8, 1.0), 1e-12);
        assertTrue(Math.abs(Ssim.of(da, db, 8, 8, 255.0) - Ssim.of(a, b, 8, 8)) > 1e-3);
    }

    @Test
    void rejectsMapsSmallerThanTheWindowInEitherDimension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ssim.of(new int[6 * 7], new int[6 * 7], 6, 7));
        assertTrue(e.getMessage().contains("at least 7x7") && e.getMessage().contains("6x7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ssim.of(new int[7 * 6], new int[7 * 6], 7, 6));
        assertThrows(IllegalArgumentException.class,
                () -> Ssim.of(new double[7 * 6], new double[7 * 6], 7, 6, 1.0));
    }

    @Test
    void rejectsMapsOfDifferentSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ssim.of(new int[49], new int[56], 7, 7));
        assertTrue(e.getMessage().contains("49") && e.getMessage().contains("56"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Ssim.of(new GrayMap(7, 7, new int[49]), new GrayMap(8, 7, new int[56])));
    }

    @Test
    void rejectsValuesOutsideEightBits() {
        int[] a = new int[49];
        a[10] = 256;
        assertThrows(IllegalArgumentException.class, () -> Ssim.of(a, new int[49], 7, 7));
    }

    @Test
    void rejectsANonPositiveOrInfiniteDataRange() {
        double[] m = new double[49];
        assertThrows(IllegalArgumentException.class, () -> Ssim.of(m, m, 7, 7, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Ssim.of(m, m, 7, 7, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Ssim.of(m, m, 7, 7, Double.POSITIVE_INFINITY));
    }

    private static int[] randomMap(Random rnd, int n) {
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = rnd.nextInt(256);
        }
        return m;
    }

    private static int[] smoothMap(int w, int h) {
        int[] m = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = ((x - 12) * (x - 12) + (y - 18) * (y - 18)) / 50.0;
                m[y * w + x] = (int) Math.round(255 * Math.exp(-d));
            }
        }
        return m;
    }
}
