package cyborg.loss;

import cyborg.model.CamTarget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

/** Loss values on hand-made tensors, computed by hand. */
class LossValuesTest {

    /** Features of one image, 1 channel, 2x2 cells, with W = [[0],[1]] so the CAM of class 1 is F. */
    private static LossContext oneImage(NDManager m, float[] cells, float[] map, float mask, long label,
            float[] logits, CamTarget camClass) {
        return new LossContext(m.create(logits, new Shape(1, 2)), m.create(cells, new Shape(1, 1, 2, 2)),
                m.create(new float[] {0f, 1f}, new Shape(2, 1)), m.create(new long[] {label}),
                m.create(map, new Shape(1, 2, 2)), m.create(new float[] {mask}), camClass);
    }

    @Test
    void crossEntropyOfKnownLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            LossContext c = oneImage(m, new float[4], new float[4], 0, 1, new float[] {0f, (float) Math.log(3)}, CamTarget.TRUE);
            // softmax = (1/4, 3/4); -ln(3/4)
            assertEquals(-Math.log(0.75), new CrossEntropy().compute(c).getFloat(), 1e-6);
        }
    }

    @Test
    void cyborgTermIsMseBetweenNormalisedCamAndMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            // CAM of class 1 = cells (2, 4, 6, 10) -> normalised (0, .25, .5, 1)
            LossContext c = oneImage(m, new float[] {2, 4, 6, 10}, new float[] {0, 0, 1, 1}, 1, 1,
                    new float[] {0, 1}, CamTarget.PREDICTED);
            assertArrayEquals(new float[] {0f, .25f, .5f, 1f}, c.cam().toFloatArray(), 1e-6f);
            double expected = (0 + 0.0625 + 0.25 + 0) / 4;
            assertEquals(expected, new CamMapMse().compute(c).getFloat(), 1e-6);
        }
    }

    @Test
    void saliencyTermsIgnoreImagesWithoutMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            LossContext c = oneImage(m, new float[] {2, 4, 6, 10}, new float[] {1, 1, 1, 1}, 0, 1,
                    new float[] {0, 1}, CamTarget.PREDICTED);
            assertEquals(0f, new CamMapMse().compute(c).getFloat());
            assertEquals(0f, new CamMapKl().compute(c).getFloat());
            assertEquals(0f, new EntropyMatch().compute(c).getFloat());
        }
    }

    @Test
    void predictedAndTrueClassPickDifferentCams() {
        try (NDManager m = NDManager.newBaseManager()) {
            // W row 0 is 0: the CAM of class 0 is constant and normalises to all zeros
            LossContext predicted = oneImage(m, new float[] {2, 4, 6, 10}, new float[4], 1, 1,
                    new float[] {5, 0}, CamTarget.PREDICTED);
            LossContext truth = oneImage(m, new float[] {2, 4, 6, 10}, new float[4], 1, 1,
                    new float[] {5, 0}, CamTarget.TRUE);
            assertArrayEquals(new float[4], predicted.cam().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0f, .25f, .5f, 1f}, truth.cam().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void contrastiveCamIsTheMagnitudeOfTheLogitDifferenceMapOverItsMaximum() {
        try (NDManager m = NDManager.newBaseManager()) {
            // W = [[0],[1]]: W[Synthetic] - W[Real] = 1, so the signed map is F itself
            LossContext c = oneImage(m, new float[] {2, -4, 6, -10}, new float[] {0, 0, 1, 1}, 1, 0,
                    new float[] {5, 0}, CamTarget.CONTRAST);
            assertArrayEquals(new float[] {.2f, .4f, .6f, 1f}, c.cam().toFloatArray(), 1e-6f);
            // evidence for Real (-10) off nothing: the strongest cell counts as salient whatever its sign
            double expected = (0.04 + 0.16 + 0.16 + 0) / 4;
            assertEquals(expected, new CamMapMse().compute(c).getFloat(), 1e-6);
        }
    }

    @Test
    void contrastiveCamNeedsTwoClasses() {
        try (NDManager m = NDManager.newBaseManager()) {
            LossContext c = new LossContext(m.zeros(new Shape(1, 3)), m.ones(new Shape(1, 1, 2, 2)),
                    m.ones(new Shape(3, 1)), m.create(new long[] {0}), m.zeros(new Shape(1, 2, 2)),
                    m.ones(new Shape(1)), CamTarget.CONTRAST);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, c::cam);
        }
    }

    @Test
    void spatialEntropyIsLnCellsForUniformAndNearZeroForOneCell() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray maps = m.create(new float[] {1, 1, 1, 1, 0, 0, 1, 0}, new Shape(2, 2, 2));
            float[] h = SpatialEntropy.of(maps).toFloatArray();
            assertEquals(Math.log(4), h[0], 1e-5);
            assertEquals(0, h[1], 1e-5);
        }
    }

    @Test
    void logEntropyAndEntropyFollowTheirFormulas() {
        try (NDManager m = NDManager.newBaseManager()) {
            LossContext c = oneImage(m, new float[] {0, 2, 2, 2}, new float[] {1, 1, 1, 1}, 1, 1,
                    new float[] {0, 1}, CamTarget.PREDICTED);
            double h = Math.log(3); // three equal cells, one empty
            assertEquals(h, new Entropy().compute(c).getFloat(), 1e-5);
            assertEquals(Math.log(h + 1), new LogEntropy().compute(c).getFloat(), 1e-5);
            double hMap = Math.log(4);
            assertEquals((h - hMap) * (h - hMap), new EntropyMatch().compute(c).getFloat(), 1e-5);
        }
    }

    @Test
    void klIsZeroWhenCamEqualsMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            LossContext c = oneImage(m, new float[] {2, 4, 6, 10}, new float[] {0f, .25f, .5f, 1f}, 1, 1,
                    new float[] {0, 1}, CamTarget.PREDICTED);
            assertEquals(0, new CamMapKl().compute(c).getFloat(), 1e-6);
        }
    }

    @Test
    void compositeAddsWeightedTermsAndLogGroup() {
        try (NDManager m = NDManager.newBaseManager()) {
            LossContext c = oneImage(m, new float[] {2, 4, 6, 10}, new float[] {0, 0, 1, 1}, 1, 1,
                    new float[] {0, (float) Math.log(3)}, CamTarget.PREDICTED);
            double ce = -Math.log(0.75);
            double mse = 0.078125;
            double ent = new Entropy().compute(c).getFloat();
            CompositeLoss loss = LossSpec.parse("ce:0.5,log1p(cyborg:2,ent:0.25)", 0.5);
            CompositeLoss.Value v = loss.compute(c);
            assertEquals(0.5 * ce + Math.log(1 + 2 * mse + 0.25 * ent), v.total().getFloat(), 1e-5);
            assertEquals(mse, v.parts().get("cyborg"), 1e-6);
        }
    }
}
