package cyborg.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PadMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void normalisationMapsMinToZeroAndMaxToOne() {
        assertArrayEquals(new double[] {0, 0.2, 1},
                PadMetrics.minMaxNormalise(new double[] {10, 14, 30}), EPS);
    }

    @Test
    void equalScoresNormaliseToZero() {
        assertArrayEquals(new double[] {0, 0, 0},
                PadMetrics.minMaxNormalise(new double[] {3, 3, 3}), EPS);
    }

    @Test
    void picksLowestThresholdAmongEqualMinimalAcer() {
        // Raw 10 + 20*x: normalised Real {0, 0.2, 0.6}, Synthetic {0.5, 0.8, 1.0}.
        // t in (0.2, 0.5]: APCER 0, BPCER 1/3 -> ACER 1/6, first grid point 0.225.
        // t in (0.6, 0.8]: APCER 1/3, BPCER 0 -> ACER 1/6 again, but later.
        PadMetrics pad = PadMetrics.of(new double[] {10, 14, 22, 20, 26, 30},
                new int[] {0, 0, 0, 1, 1, 1});
        assertEquals(0.225, pad.threshold(), EPS);
        assertEquals(0.0, pad.apcer(), EPS);
        assertEquals(1.0 / 3, pad.bpcer(), EPS);
        assertEquals(1.0 / 6, pad.acer(), EPS);
    }

    @Test
    void scoreEqualToThresholdCountsAsSynthetic() {
        // Normalised Real {0, 0.2}, Synthetic {1}: at t = 0.2 the Real 0.2 is still rejected
        // (BPCER 1/2), so the first zero-error threshold is 0.225.
        PadMetrics pad = PadMetrics.of(new double[] {0, 2, 10}, new int[] {0, 0, 1});
        assertEquals(0.225, pad.threshold(), EPS);
        assertEquals(0.0, pad.acer(), EPS);
    }

    @Test
    void lastThresholdIsExactlyOne() {
        // Normalised Real {0, 0.99}, Synthetic {1}: only t = 1.0 separates them, and only if the
        // grid reaches 1.0 without drifting above it.
        PadMetrics pad = PadMetrics.of(new double[] {0, 99, 100}, new int[] {0, 0, 1});
        assertEquals(1.0, pad.threshold());
        assertEquals(0.0, pad.apcer());
        assertEquals(0.0, pad.bpcer());
    }

    @Test
    void allEqualScoresGiveAcerOneHalfAtThresholdZero() {
        // All normalise to 0: t = 0 rejects every Real (BPCER 1), any t > 0 accepts every
        // attack (APCER 1); both ACER 0.5, so the first threshold wins.
        PadMetrics pad = PadMetrics.of(new double[] {4, 4, 4, 4}, new int[] {0, 1, 0, 1});
        assertEquals(0.0, pad.threshold(), EPS);
        assertEquals(0.0, pad.apcer(), EPS);
        assertEquals(1.0, pad.bpcer(), EPS);
        assertEquals(0.5, pad.acer(), EPS);
    }

    @Test
    void rejectsInputWithOneClass() {
        assertThrows(IllegalArgumentException.class,
                () -> PadMetrics.of(new double[] {0.1, 0.2}, new int[] {1, 1}));
    }
}
