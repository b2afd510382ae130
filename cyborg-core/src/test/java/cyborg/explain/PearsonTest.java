package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PearsonTest {

    @Test
    void positiveLinearRelationGivesOne() {
        assertEquals(1.0, Pearson.of(new double[] {1, 2, 3, 4}, new double[] {10, 30, 50, 70}), 1e-15);
    }

    @Test
    void inversionGivesMinusOne() {
        assertEquals(-1.0, Pearson.of(new int[] {0, 100, 255, 7}, new int[] {255, 155, 0, 248}), 1e-15);
    }

    @Test
    void smallCaseMatchesTheHandComputedValue() {
        // deviations (-1, 0, 1) and (-1, 1, 0): covariance 1, variances 2 and 2, r = 1/2.
        assertEquals(0.5, Pearson.of(new double[] {1, 2, 3}, new double[] {1, 3, 2}), 1e-15);
    }

    @Test
    void constantInputGivesZeroInsteadOfNaN() {
        assertEquals(0.0, Pearson.of(new int[] {5, 5, 5}, new int[] {1, 2, 3}), 0.0);
        assertEquals(0.0, Pearson.of(new int[] {1, 2, 3}, new int[] {9, 9, 9}), 0.0);
    }

    @Test
    void constantNonIntegerMapGivesZeroDespiteRoundingInItsMean() {
        double[] tenths = new double[49];
        Arrays.fill(tenths, 0.1);
        double[] ramp = new double[49];
        for (int i = 0; i < 49; i++) {
            ramp[i] = i;
        }
        assertEquals(0.0, Pearson.of(tenths, ramp), 0.0);
    }

    @Test
    void intOverloadAgreesWithDoubleOverload() {
        int[] a = {3, 1, 4, 1, 5, 9, 2, 6};
        int[] b = {2, 7, 1, 8, 2, 8, 1, 8};
        double[] da = Arrays.stream(a).asDoubleStream().toArray();
        double[] db = Arrays.stream(b).asDoubleStream().toArray();
        assertEquals(Pearson.of(da, db), Pearson.of(a, b), 0.0);
    }

    @Test
    void rejectsMismatchedEmptyOrNonFiniteInputs() {
        assertThrows(IllegalArgumentException.class, () -> Pearson.of(new double[3], new double[4]));
        assertThrows(IllegalArgumentException.class, () -> Pearson.of(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Pearson.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
    }
}
