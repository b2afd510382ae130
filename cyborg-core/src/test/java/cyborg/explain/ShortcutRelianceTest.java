package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShortcutRelianceTest {
    @Test
    void meanChangesAndFlipsMatchTheHandComputedValues() {
        // Differences 0.6, -0.05, 0: mean 0.55/3, mean absolute 0.65/3; only the first pair crosses 0.5.
        ShortcutReliance r = ShortcutReliance.of(new double[] {0.9, 0.4, 0.6}, new double[] {0.3, 0.45, 0.6});
        assertEquals(3, r.pairs());
        assertEquals(0.55 / 3, r.meanChange(), 1e-12);
        assertEquals(0.65 / 3, r.meanAbsChange(), 1e-12);
        assertEquals(1.0 / 3, r.flipRate(), 1e-12);
    }

    @Test
    void aScoreOfExactlyOneHalfIsDecidedSynthetic() {
        assertEquals(1.0, ShortcutReliance.of(new double[] {0.5}, new double[] {0.49}).flipRate());
        assertEquals(0.0, ShortcutReliance.of(new double[] {0.5}, new double[] {0.99}).flipRate());
    }

    @Test
    void oppositeChangesCancelInTheMeanButNotInTheMeanAbsoluteChange() {
        ShortcutReliance r = ShortcutReliance.of(new double[] {0.8, 0.2}, new double[] {0.2, 0.8});
        assertEquals(0.0, r.meanChange(), 1e-12);
        assertEquals(0.6, r.meanAbsChange(), 1e-12);
        assertEquals(1.0, r.flipRate());
    }

    @Test
    void mismatchedEmptyOrNonFinitePairsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShortcutReliance.of(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> ShortcutReliance.of(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> ShortcutReliance.of(new double[] {Double.NaN}, new double[] {0.5}));
    }
}
