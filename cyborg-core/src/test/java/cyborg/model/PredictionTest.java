package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import cyborg.data.Label;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

/** The one label rule: argmax of the two logits, ties to Real; the CAM is the label's; the score stays sigmoid(logit[Synthetic]). */
class PredictionTest {
    /** Two channels of 2x2 features; W[Real] = channel 0, W[Synthetic] = channel 1, so each class's CAM differs. */
    private static final float[] FEATURES = {
        0, 1, 2, 3, // channel 0
        3, 0, 1, 2, // channel 1
    };
    private static final float[] WEIGHT = {1, 0, 0, 1};

    private static List<Prediction> predict(NDManager m, float[]... logits) {
        float[] flat = new float[2 * logits.length];
        float[] features = new float[FEATURES.length * logits.length];
        for (int i = 0; i < logits.length; i++) {
            flat[2 * i] = logits[i][0];
            flat[2 * i + 1] = logits[i][1];
            System.arraycopy(FEATURES, 0, features, i * FEATURES.length, FEATURES.length);
        }
        return Prediction.of(m.create(flat, new Shape(logits.length, 2)),
                m.create(features, new Shape(logits.length, 2, 2, 2)), m.create(WEIGHT, new Shape(2, 2)), true);
    }

    private static float[] camOf(NDManager m, int cls) {
        NDArray cam = ClassActivationMaps.normalized(m.create(FEATURES, new Shape(1, 2, 2, 2)),
                m.create(WEIGHT, new Shape(2, 2)), m.create(new long[] {cls}));
        return cam.toFloatArray();
    }

    private static float sigmoid(double x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    @Test
    void bothLogitsPositiveRealAheadIsRealWithRealsCamThoughTheScoreIsAboveHalf() {
        try (NDManager m = NDManager.newBaseManager()) {
            Prediction p = predict(m, new float[] {3, 1}).get(0);
            assertEquals(Label.REAL, p.label());
            assertEquals(0, p.labelIndex());
            assertEquals(sigmoid(1), p.score(), 1e-6);
            assertTrue(p.score() >= 0.5f, "the ranking score and the label disagree here by design");
            assertArrayEquals(camOf(m, 0), p.cam().values());
            assertEquals(2, p.cam().height());
            assertEquals(2, p.cam().width());
        }
    }

    @Test
    void syntheticAheadIsSyntheticWithSyntheticsCam() {
        try (NDManager m = NDManager.newBaseManager()) {
            Prediction p = predict(m, new float[] {1, 3}).get(0);
            assertEquals(Label.SYNTHETIC, p.label());
            assertEquals(1, p.labelIndex());
            assertEquals(sigmoid(3), p.score(), 1e-6);
            assertArrayEquals(camOf(m, 1), p.cam().values());
        }
    }

    @Test
    void bothNegativeFollowsTheArgmaxNotTheScore() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Prediction> ps = predict(m, new float[] {-1, -3}, new float[] {-3, -1});
            assertEquals(Label.REAL, ps.get(0).label());
            assertEquals(sigmoid(-3), ps.get(0).score(), 1e-6);
            assertEquals(Label.SYNTHETIC, ps.get(1).label(), "Synthetic although its score is below 0.5");
            assertTrue(ps.get(1).score() < 0.5f);
            assertArrayEquals(camOf(m, 0), ps.get(0).cam().values());
            assertArrayEquals(camOf(m, 1), ps.get(1).cam().values());
        }
    }

    @Test
    void tiesGoToReal() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Prediction> ps = predict(m, new float[] {2, 2}, new float[] {0, 0}, new float[] {-5, -5});
            for (Prediction p : ps) {
                assertEquals(Label.REAL, p.label(), p.toString());
                assertArrayEquals(camOf(m, 0), p.cam().values());
            }
        }
    }

    @Test
    void theRuleIsTorchsArgmaxOnFiniteLogitsAndThePredictedCamTarget() {
        try (NDManager m = NDManager.newBaseManager()) {
            java.util.Random r = new java.util.Random(7);
            float[] logits = new float[2 * 64];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) r.nextGaussian() * 4;
            }
            logits[0] = logits[1]; // one tie
            NDArray l = m.create(logits, new Shape(64, 2));
            assertArrayEquals(l.argMax(1).toLongArray(), Prediction.classes(l).toLongArray());
            assertArrayEquals(Prediction.classes(l).toLongArray(),
                    CamTarget.PREDICTED.classes(l, m.zeros(new Shape(64), DataType.INT64)).toLongArray());
        }
    }

    @Test
    void aNanLogitIsNotFiniteAndSaysWhichImage() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Prediction> ps = predict(m, new float[] {Float.NaN, 1}, new float[] {1, Float.NaN},
                    new float[] {1, Float.POSITIVE_INFINITY}, new float[] {1, 2});
            Prediction realNan = ps.get(0);
            assertFalse(realNan.isFinite());
            assertEquals(Label.REAL, realNan.label(), "a NaN comparison is false: Real, but refused anyway");
            String why = realNan.notFinite("a.png");
            assertTrue(why.startsWith("a.png: the model gave logits (NaN, 1.0)"), why);
            Prediction synNan = ps.get(1);
            assertFalse(synNan.isFinite());
            assertTrue(synNan.notFinite("b.png").startsWith("b.png: the model gave a score of NaN"),
                    synNan.notFinite("b.png"));
            IOException e = assertThrows(IOException.class, () -> synNan.requireFinite("b.png"));
            assertTrue(e.getMessage().contains("check the model's normalisation"), e.getMessage());
            assertFalse(ps.get(2).isFinite(), "an infinite logit is refused although its score is 1");
            assertTrue(ps.get(3).isFinite());
            assertNull(ps.get(3).notFinite("d.png"));
        }
    }

    @Test
    void withoutCamsThereIsNone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Prediction p = Prediction.of(m.create(new float[] {0, 1}, new Shape(1, 2)), null, null, false).get(0);
            assertNull(p.cam());
            assertEquals(Label.SYNTHETIC, p.label());
        }
    }
}
