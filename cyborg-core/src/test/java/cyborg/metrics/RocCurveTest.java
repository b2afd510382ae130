package cyborg.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    private static final double EPS = 1e-12;

    // Real {0.1, 0.35, 0.4, 0.8}, Synthetic {0.2, 0.4, 0.65, 0.7, 0.9}; one Real/Synthetic tie at 0.4.
    private static final double[] SMALL_SCORES = {0.1, 0.9, 0.35, 0.4, 0.2, 0.8, 0.65, 0.4, 0.7};
    private static final int[] SMALL_LABELS = {0, 1, 0, 0, 1, 0, 1, 1, 1};

    @Test
    void pointsStepThroughEveryDistinctScoreFromOriginToOneOne() {
        RocCurve roc = new RocCurve(SMALL_SCORES, SMALL_LABELS);
        // Descending: 0.9 S, 0.8 R, 0.7 S, 0.65 S, 0.4 R+S, 0.35 R, 0.2 S, 0.1 R (4 Real, 5 Synthetic).
        assertArrayEquals(new double[] {0, 0, 0.25, 0.25, 0.25, 0.5, 0.75, 0.75, 1}, roc.fpr(), EPS);
        assertArrayEquals(new double[] {0, 0.2, 0.2, 0.4, 0.6, 0.8, 0.8, 1, 1}, roc.tpr(), EPS);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.65, 0.4, 0.35,
                0.2, 0.1}, roc.thresholds(), EPS);
        assertEquals(4, roc.nReal());
        assertEquals(5, roc.nSynthetic());
    }

    @Test
    void aucOfSmallCaseMatchesHandComputedTrapezoidAndPairCount() {
        // Trapezoid: 0.25*0.2 + 0.25*(0.6+0.8)/2 + 0.25*0.8 + 0.25*1 = 0.675.
        // Pairs: Synthetic 0.2 beats 1 Real, 0.4 beats 2 and ties 1, 0.65/0.7 beat 3, 0.9 beats 4
        // -> 13.5 of 20 = 0.675.
        assertEquals(0.675, new RocCurve(SMALL_SCORES, SMALL_LABELS).auc(), EPS);
    }

    @Test
    void aucCountsTiesAsHalf() {
        // Real {0.2, 0.5}, Synthetic {0.5, 0.9}: pairs 1 + 0.5 + 1 + 1 = 3.5 of 4.
        RocCurve roc = new RocCurve(new double[] {0.2, 0.5, 0.5, 0.9}, new int[] {0, 0, 1, 1});
        assertEquals(0.875, roc.auc(), EPS);
    }

    @Test
    void tiedScoresFormOnePoint() {
        RocCurve roc = new RocCurve(new double[] {0.3, 0.3, 0.3}, new int[] {0, 1, 1});
        assertArrayEquals(new double[] {0, 1}, roc.fpr(), EPS);
        assertArrayEquals(new double[] {0, 1}, roc.tpr(), EPS);
        assertEquals(0.5, roc.auc(), EPS);
    }

    @Test
    void perfectSeparationGivesAucOne() {
        RocCurve roc = new RocCurve(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1});
        assertEquals(1.0, roc.auc(), EPS);
        assertEquals(1.0, roc.tdrAtFdr(0), EPS);
    }

    @Test
    void invertedScoresGiveAucZero() {
        RocCurve roc = new RocCurve(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {1, 1, 0, 0});
        assertEquals(0.0, roc.auc(), EPS);
        assertEquals(0.0, roc.tdrAtFdr(0.49), EPS);
    }

    @Test
    void aucEqualsMannWhitneyProbabilityOnRandomScoresWithTies() {
        Random random = new Random(7);
        int n = 300;
        double[] scores = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(2);
            // One decimal place forces many ties, within and across classes.
            scores[i] = Math.round((random.nextDouble() + 0.3 * labels[i]) * 10) / 10.0;
        }
        assertEquals(mannWhitneyByAllPairs(scores, labels),
                new RocCurve(scores, labels).auc(), EPS);
    }

    private static double mannWhitneyByAllPairs(double[] scores, int[] labels) {
        double wins = 0;
        long pairs = 0;
        for (int s = 0; s < scores.length; s++) {
            for (int r = 0; r < scores.length; r++) {
                if (labels[s] == 1 && labels[r] == 0) {
                    pairs++;
                    wins += scores[s] > scores[r] ? 1 : scores[s] == scores[r] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    @Test
    void tdrAtFdrTakesBestReachablePointWithoutInterpolating() {
        RocCurve roc = new RocCurve(SMALL_SCORES, SMALL_LABELS);
        assertEquals(0.2, roc.tdrAtFdr(0), EPS);
        assertEquals(0.6, roc.tdrAtFdr(0.25), EPS);
        // Halfway to the next point (0.5, 0.8) still only reaches 0.6.
        assertEquals(0.6, roc.tdrAtFdr(0.375), EPS);
        assertEquals(0.8, roc.tdrAtFdr(0.5), EPS);
        assertEquals(0.8, roc.tdrAtFdr(0.74), EPS);
        assertEquals(1.0, roc.tdrAtFdr(0.75), EPS);
        assertEquals(1.0, roc.tdrAtFdr(1), EPS);
    }

    @Test
    void tdrAtFdrRejectsRatesOutsideZeroOne() {
        RocCurve roc = new RocCurve(SMALL_SCORES, SMALL_LABELS);
        assertThrows(IllegalArgumentException.class, () -> roc.tdrAtFdr(-0.01));
        assertThrows(IllegalArgumentException.class, () -> roc.tdrAtFdr(1.01));
        assertThrows(IllegalArgumentException.class, () -> roc.tdrAtFdr(Double.NaN));
    }

    @Test
    void rejectsMissingClassesMismatchedLengthsNaNAndUnknownLabels() {
        assertRejected("no Real", new double[] {0.1, 0.2}, new int[] {1, 1});
        assertRejected("no Synthetic", new double[] {0.1, 0.2}, new int[] {0, 0});
        assertRejected("differ in length", new double[] {0.1, 0.2}, new int[] {0, 1, 1});
        assertRejected("NaN", new double[] {0.1, Double.NaN}, new int[] {0, 1});
        assertRejected("label 1 is 2", new double[] {0.1, 0.2}, new int[] {0, 2});
    }

    private static void assertRejected(String messagePart, double[] scores, int[] labels) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RocCurve(scores, labels));
        assertTrue(e.getMessage().contains(messagePart),
                () -> "'" + e.getMessage() + "' should mention '" + messagePart + "'");
    }
}
