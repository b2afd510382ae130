package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** DenseNet-121, Inception-v3 and Xception against torchvision's key lists and CAM shapes. */
class ArchitecturesTest {

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"DENSENET121", "INCEPTION_V3", "XCEPTION"})
    void keysShapesOrderAndParameterCountEqualTorchvision(Architecture arch) {
        try (NDManager m = NDManager.newBaseManager()) {
            GoldenKeys golden = GoldenKeys.load(arch.id());
            golden.assertMatches(arch.create(m, 1).module().namedTensors());
        }
    }

    @ParameterizedTest
    @CsvSource({"DENSENET121,224,1024,7", "INCEPTION_V3,299,2048,8", "XCEPTION,299,2048,10"})
    void nativeSizeGivesTwoLogitsAndReferenceCam(Architecture arch, int size, int channels, int cam) {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = arch.create(m, 1);
            net.module().setTraining(false);
            assertEquals(size, arch.nativeSize());
            CamOutput out = net.forward(m.randomNormal(new Shape(2, 3, size, size)));
            assertEquals(new Shape(2, 2), out.logits().getShape());
            assertEquals(new Shape(2, channels, cam, cam), out.features().getShape());
            assertEquals(new Shape(2, channels), net.classifierWeight().getShape());
            assertTrue(Float.isFinite(out.logits().sum().getFloat()));
        }
    }

    /** The smallest documented input gives a 1x1 CAM (see {@link #documentedMinimaAreTight}). */
    @ParameterizedTest
    @CsvSource({"DENSENET121,29,1", "DENSENET121,64,2", "INCEPTION_V3,75,1", "XCEPTION,7,1", "XCEPTION,64,2"})
    void smallInputsWork(Architecture arch, int size, int cam) {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = arch.create(m, 1);
            net.module().setTraining(false);
            CamOutput out = net.forward(m.randomNormal(new Shape(1, 3, size, size)));
            assertEquals(cam, out.features().getShape().get(2));
            assertEquals(cam, out.features().getShape().get(3));
            assertEquals(new Shape(1, 2), out.logits().getShape());
        }
    }

    @Test
    void documentedMinimaAreTight() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (Architecture arch : new Architecture[] {Architecture.DENSENET121, Architecture.INCEPTION_V3}) {
                CamNetwork net = arch.create(m, 1);
                net.module().setTraining(false);
                int below = arch == Architecture.DENSENET121 ? DenseNet.MIN_SIZE - 1 : InceptionV3.MIN_SIZE - 1;
                boolean failed;
                try {
                    net.forward(m.randomNormal(new Shape(1, 3, below, below)));
                    failed = false;
                } catch (RuntimeException e) {
                    failed = true;
                }
                assertTrue(failed, arch + " accepted " + below + " px");
            }
            assertEquals(75, Architecture.INCEPTION_V3.minSize());
            assertEquals(Architecture.MIN_SIZE, Architecture.DENSENET121.minSize());
        }
    }

    @Test
    void trainingStepRunsAndInceptionDropoutIsSeeded() {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork a = Architecture.INCEPTION_V3.create(m, 5);
            CamNetwork b = Architecture.INCEPTION_V3.create(m, 5);
            a.module().setTraining(true);
            b.module().setTraining(true);
            NDArray x = m.randomNormal(new Shape(2, 3, 96, 96));
            // same seed: same weights and same dropout masks, so the same training-mode logits
            assertArrayEquals(a.forward(x).logits().toFloatArray(), b.forward(x).logits().toFloatArray());
            CamSplit split = a.forwardToCam(x);
            a.module().setTraining(false);
            // dropout off in inference: the head is deterministic
            assertArrayEquals(a.head(split.features(), split).toFloatArray(),
                    a.head(split.features(), split).toFloatArray());
        }
    }

    @Test
    void registryNamesPreprocessingAndCamLayers() {
        assertEquals(Architecture.INCEPTION_V3, Architecture.parse("inception-v3"));
        assertEquals(Architecture.INCEPTION_V3, Architecture.parse("inception_v3"));
        assertEquals(Architecture.DENSENET121, Architecture.parse("DenseNet121"));
        assertEquals(Architecture.XCEPTION, Architecture.parse("xception"));
        assertEquals(Architecture.RESNET18, Architecture.parse("resnet-18"));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, Architecture.XCEPTION.preprocessing(299).std());
        assertArrayEquals(new float[] {0.229f, 0.224f, 0.225f}, Architecture.DENSENET121.preprocessing(224).std());
        assertEquals("features", Architecture.DENSENET121.camLayer());
        assertEquals("Mixed_7c", Architecture.INCEPTION_V3.camLayer());
        assertEquals("conv4", Architecture.XCEPTION.camLayer());
    }

    @Test
    void sameSeedSameWeightsAndInitialisationAsTorchvision() {
        try (NDManager m = NDManager.newBaseManager()) {
            var a = Architecture.DENSENET121.create(m, 3).module().namedTensors();
            var b = Architecture.DENSENET121.create(m, 3).module().namedTensors();
            String key = "features.denseblock3.denselayer5.conv2.weight";
            assertArrayEquals(a.get(key).array().toFloatArray(), b.get(key).array().toFloatArray());
            // DenseNet: Kaiming normal, fan-in 128*3*3 -> std sqrt(2/1152); classifier bias 0
            float[] w = a.get(key).array().toFloatArray();
            assertEquals(Math.sqrt(2.0 / 1152), std(w), 0.002);
            assertFalse(a.get("classifier.bias").array().abs().sum().getFloat() != 0f);
            // Inception: truncated normal with std 0.1, bounds +-2
            var inc = Architecture.INCEPTION_V3.create(m, 3).module().namedTensors();
            float[] v = inc.get("Mixed_6b.branch7x7_2.conv.weight").array().toFloatArray();
            assertEquals(0.1, std(v), 0.002);
            assertTrue(inc.get("fc.weight").array().abs().max().getFloat() <= 2f);
            assertArrayEquals(new long[] {128, 128, 1, 7},
                    inc.get("Mixed_6b.branch7x7_2.conv.weight").array().getShape().getShape());
        }
    }

    private static double std(float[] v) {
        double s = 0;
        double s2 = 0;
        for (float x : v) {
            s += x;
            s2 += (double) x * x;
        }
        double mean = s / v.length;
        return Math.sqrt(s2 / v.length - mean * mean);
    }
}
