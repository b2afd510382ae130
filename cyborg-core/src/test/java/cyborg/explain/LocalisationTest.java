package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LocalisationTest {
    /** A 3x3 attribution: positive mass 2.0, its maximum in the centre, one negative value. */
    private static final float[] A = {
        0.0f, 0.2f, 0.1f,
        0.5f, 0.9f, -0.3f,
        0.1f, 0.0f, 0.2f};
    /** The human marked the middle row's first two pixels and the bottom-right corner. */
    private static final float[] HUMAN = {
        0, 0, 0,
        1, 1, 0,
        0, 0, 1};
    private static final boolean[] M = Localisation.mask(HUMAN, Localisation.DEFAULT_THRESHOLD);

    @Test
    void massAccuracyIsTheShareOfPositiveAttributionInsideTheMask() {
        // (0.5 + 0.9 + 0.2) / 2.0
        assertEquals(0.8, Localisation.massAccuracy(A, M), 1e-6);
    }

    @Test
    void rankAccuracyCountsTheTopMaskSizePixelsWithTiesInIndexOrder() {
        // |M| = 3; the top three are 0.9 (in), 0.5 (in), then 0.2 at index 1 (out) before the tied
        // 0.2 at index 8 (in): 2 of 3.
        assertEquals(2.0 / 3, Localisation.rankAccuracy(A, M), 1e-12);
    }

    @Test
    void pointingGameHitsWhenTheMaximumIsInsideTheMask() {
        assertEquals(1.0, Localisation.pointingGame(A, M));
        boolean[] elsewhere = Localisation.mask(new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0}, 0.5);
        assertEquals(0.0, Localisation.pointingGame(A, elsewhere));
    }

    @Test
    void pointingGameTakesTheFirstOfTiedMaxima() {
        float[] tied = {0, 1, 0, 1};
        assertEquals(1.0, Localisation.pointingGame(tied, new boolean[] {false, true, false, false}));
        assertEquals(0.0, Localisation.pointingGame(tied, new boolean[] {false, false, false, true}));
    }

    @Test
    void aucCountsTiesAsHalf() {
        // Positives 0.5, 0.9, 0.2 against negatives 0, 0.2, 0.1, 0 (the -0.3), 0.1, 0: 6 + 6 + 5.5
        // wins of 18 pairs.
        assertEquals(17.5 / 18, Localisation.auc(A, M), 1e-12);
    }

    @Test
    void negativeAttributionIsIgnored() {
        float[] moreNegative = A.clone();
        moreNegative[5] = -100f;
        float[] zeroed = A.clone();
        zeroed[5] = 0f;
        assertEquals(Localisation.of(zeroed, M), Localisation.of(moreNegative, M));
        assertEquals(Localisation.of(A, M), Localisation.of(moreNegative, M));
    }

    @Test
    void emptyMaskMakesEveryMeasureUndefined() {
        boolean[] empty = Localisation.mask(new float[9], Localisation.DEFAULT_THRESHOLD);
        assertArrayEquals(new boolean[9], empty, "a constant human map marks nothing");
        Localisation.Scores s = Localisation.of(A, empty);
        assertTrue(Double.isNaN(s.massAccuracy()) && Double.isNaN(s.rankAccuracy())
                && Double.isNaN(s.pointingGame()) && Double.isNaN(s.auc()), s.toString());
    }

    @Test
    void allZeroAttributionHasNoMassRankOrPointButAChanceAuc() {
        float[] zero = {0, 0, -1, 0, 0, 0, -2, 0, 0};
        Localisation.Scores s = Localisation.of(zero, M);
        assertTrue(Double.isNaN(s.massAccuracy()) && Double.isNaN(s.rankAccuracy())
                && Double.isNaN(s.pointingGame()), s.toString());
        assertEquals(0.5, s.auc(), 0.0);
    }

    @Test
    void fullMaskHasNoAucButFullMass() {
        boolean[] full = Localisation.mask(HUMAN, 0.0);
        assertTrue(Double.isNaN(Localisation.auc(A, full)));
        assertEquals(1.0, Localisation.massAccuracy(A, full), 1e-12);
    }

    @Test
    void maskThresholdsTheMinMaxNormalisedHumanMap() {
        float[] human = {2, 4, 6}; // normalised to 0, 0.5, 1
        assertArrayEquals(new boolean[] {false, true, true}, Localisation.mask(human, Localisation.DEFAULT_THRESHOLD));
        assertArrayEquals(new boolean[] {false, false, true}, Localisation.mask(human, 0.75));
        assertThrows(IllegalArgumentException.class, () -> Localisation.mask(human, 1.5));
    }

    @Test
    void maskAtResizesTheHumanMapToTheAttributionBeforeThresholding() {
        // A 4x4 map marking its top-left 2x2 block, brought to 2x2: PIL's bilinear gives the
        // top-left cell about 0.73 and the others at most 0.12, so only it stays marked.
        float[] human = {
            1, 1, 0, 0,
            1, 1, 0, 0,
            0, 0, 0, 0,
            0, 0, 0, 0};
        assertArrayEquals(new boolean[] {true, false, false, false},
                Localisation.maskAt(human, 4, 4, 2, 2, Localisation.DEFAULT_THRESHOLD));
        assertArrayEquals(Localisation.mask(human, 0.5), Localisation.maskAt(human, 4, 4, 4, 4, 0.5));
    }

    @Test
    void aucEqualsTheMannWhitneyStatisticByBruteForce() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + rng.nextInt(60);
            float[] a = new float[n];
            boolean[] m = new boolean[n];
            for (int i = 0; i < n; i++) {
                a[i] = (rng.nextInt(11) - 3) / 10f; // coarse values: ties and negatives
                m[i] = rng.nextBoolean();
            }
            m[0] = true;
            m[1] = false;
            double wins = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (m[i] && !m[j]) {
                        double p = Math.max(a[i], 0);
                        double q = Math.max(a[j], 0);
                        wins += p > q ? 1 : p == q ? 0.5 : 0;
                        pairs++;
                    }
                }
            }
            assertEquals(wins / pairs, Localisation.auc(a, m), 1e-12, "trial " + trial);
        }
    }

    @Test
    void measuresOfAPerfectMapAreOne() {
        float[] perfect = {0, 0, 0, 0.7f, 1, 0, 0, 0, 0.4f};
        assertEquals(new Localisation.Scores(1, 1, 1, 1), Localisation.of(perfect, M));
    }

    @Test
    void mismatchedOrNonFiniteInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Localisation.of(new float[3], new boolean[4]));
        assertThrows(IllegalArgumentException.class, () -> Localisation.of(new float[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Localisation.of(new float[] {Float.NaN, 1}, new boolean[] {true, false}));
    }
}
