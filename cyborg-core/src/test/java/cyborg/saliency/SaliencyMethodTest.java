package cyborg.saliency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.model.Architecture;
import cyborg.model.CamNetwork;
import cyborg.model.CamSplit;
import cyborg.model.ClassActivationMaps;

import org.junit.jupiter.api.Test;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaliencyMethodTest {

    private static CamNetwork net(NDManager m, Architecture a) {
        CamNetwork net = a.create(m, 5);
        // a few training-mode passes give the batch norms non-trivial statistics
        net.module().setTraining(true);
        for (int i = 0; i < 3; i++) {
            net.forward(m.randomNormal(new Shape(4, 3, 32, 32)));
        }
        net.module().setTraining(false);
        return net;
    }

    @Test
    void gradCamAtTheCamLayerOfACamNetworkIsTheCamUpToScale() {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = net(m, Architecture.SMALLRESNET);
            NDArray x = m.randomNormal(new Shape(3, 3, 32, 32));
            CamSplit split = net.forwardToCam(x);
            NDArray classes = m.create(new long[] {0, 1, 1});
            long cells = split.features().getShape().get(2) * split.features().getShape().get(3);
            // the head is global average pooling + linear, so d logit_c / d F_k(i,j) = W[c,k] / cells
            NDArray gradWeights = new GradCam().weights(net, x, split, classes);
            NDArray camWeights = new Cam().weights(net, x, split, classes);
            assertArrayEquals(camWeights.div(cells).toFloatArray(), gradWeights.toFloatArray(), 1e-6f);
            NDArray gradCam = new GradCam().maps(net, x, split, classes);
            NDArray cam = ClassActivationMaps.minMaxNormalize(
                    ClassActivationMaps.raw(split.features(), net.classifierWeight(), classes).getNDArrayInternal().relu());
            assertArrayEquals(cam.toFloatArray(), gradCam.toFloatArray(), 1e-5f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cam", "gradcam", "gradcampp", "scorecam"})
    void everyMethodGivesOneNormalisedMapPerImage(String id) {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = net(m, Architecture.SMALLRESNET);
            NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
            CamSplit split = net.forwardToCam(x);
            NDArray maps = SaliencyMethod.of(id).maps(net, x, split, m.create(new long[] {1, 0}));
            assertEquals(new Shape(2, 4, 4), maps.getShape());
            float[] v = maps.toFloatArray();
            for (float f : v) {
                assertTrue(f >= 0 && f <= 1 + 1e-6, id + " value " + f);
            }
            assertEquals(1f, max(v, 0, 16), 1e-5f, id + " first map reaches 1");
        }
    }

    @Test
    void gradCamWorksWhereTheCamLayerIsInsideTheLastBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = net(m, Architecture.RESNET18);
            NDArray x = m.randomNormal(new Shape(2, 3, 64, 64));
            CamSplit split = net.forwardToCam(x);
            NDArray maps = new GradCam().maps(net, x, split, m.create(new long[] {1, 1}));
            assertEquals(new Shape(2, 2, 2), maps.getShape());
            // the residual branch makes the head non-linear: Grad-CAM is no longer the CAM's weights
            NDArray g = new GradCam().weights(net, x, split, m.create(new long[] {1, 1}));
            NDArray c = new Cam().weights(net, x, split, m.create(new long[] {1, 1})).div(4);
            assertTrue(!java.util.Arrays.equals(g.toFloatArray(), c.toFloatArray()));
        }
    }

    @Test
    void scoreCamWeightIsTheClassProbabilityOfTheMaskedInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = net(m, Architecture.SMALLRESNET);
            NDArray x = m.randomNormal(new Shape(1, 3, 32, 32));
            CamSplit split = net.forwardToCam(x);
            NDArray w = new ScoreCam().weights(net, x, split, m.create(new long[] {1}));
            // channel 5 by hand: upsample, min-max, mask, softmax probability of class 1
            NDArray up = Bilinear.matrix(m, 32, 4);
            NDArray mask = ClassActivationMaps.minMaxNormalize(
                    up.matMul(split.features().get(0).get(5)).matMul(up.transpose()).expandDims(0));
            float p = net.forward(x.mul(mask.expandDims(1))).logits().softmax(1).getFloat(0, 1);
            assertEquals(p, w.getFloat(0, 5), 1e-5f);
        }
    }

    @Test
    void bilinearMatrixSamplesLikePyTorchWithoutAlignedCorners() {
        try (NDManager m = NDManager.newBaseManager()) {
            // F.interpolate([a, b], size=4, mode='linear', align_corners=False) = [a, .75a+.25b, .25a+.75b, b]
            assertArrayEquals(new float[] {1, 0, 0.75f, 0.25f, 0.25f, 0.75f, 0, 1},
                    Bilinear.matrix(m, 4, 2).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void unknownMethodNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SaliencyMethod.of("lime"));
        assertTrue(e.getMessage().contains("gradcampp"));
    }

    @Test
    void everyRegisteredMethodIsFoundByItsIdAndListedInTheChoices() {
        assertEquals(List.of("cam", "gradcam", "gradcampp", "scorecam"), SaliencyMethod.ids());
        for (String id : SaliencyMethod.ids()) {
            assertEquals(id, SaliencyMethod.of(id).id());
            assertTrue(SaliencyMethod.choices().contains(id));
        }
        assertEquals("gradcampp", SaliencyMethod.of("Grad-CAM-plusplus").id());
    }

    private static float max(float[] v, int from, int to) {
        float mx = -Float.MAX_VALUE;
        for (int i = from; i < to; i++) {
            mx = Math.max(mx, v[i]);
        }
        return mx;
    }
}
