package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.nn.Tensor;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

class ResNetTest {

    private static long trainableCount(Map<String, Tensor> tensors) {
        return tensors.values().stream()
                .filter(Tensor::trainable)
                .mapToLong(t -> t.array().getShape().size())
                .sum();
    }

    @Test
    void resnet18HasTorchvisionKeysAndParameterCount() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet net = ResNet.resnet18(m, new Random(1), 2);
            Map<String, Tensor> t = net.namedTensors();
            // torchvision.models.resnet18(num_classes=2).state_dict(): 122 keys, 11,177,538 params
            assertEquals(122, t.size());
            assertEquals(11_177_538L, trainableCount(t));
            assertTrue(t.containsKey("layer2.0.downsample.0.weight"));
            assertTrue(t.containsKey("layer4.1.bn2.num_batches_tracked"));
            assertEquals(new Shape(2, 512), t.get("fc.weight").array().getShape());
        }
    }

    @Test
    void resnet50HasTorchvisionKeysAndParameterCount() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet net = ResNet.resnet50(m, new Random(1), 2);
            Map<String, Tensor> t = net.namedTensors();
            // torchvision.models.resnet50(num_classes=2).state_dict(): 320 keys, 23,512,130 params
            assertEquals(320, t.size());
            assertEquals(23_512_130L, trainableCount(t));
            assertEquals("conv1.weight", t.keySet().iterator().next());
        }
    }

    @Test
    void camFeaturesComeFromLastConvolutionAtReferenceSize() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet net = ResNet.resnet18(m, new Random(1), 2);
            net.setTraining(false);
            CamOutput out = net.forward(m.randomNormal(new Shape(2, 3, 224, 224)));
            assertEquals(new Shape(2, 2), out.logits().getShape());
            assertEquals(new Shape(2, 512, 7, 7), out.features().getShape());
            CamOutput small = net.forward(m.randomNormal(new Shape(1, 3, 64, 64)));
            assertArrayEquals(new long[] {1, 512, 2, 2}, small.features().getShape().getShape());
        }
    }

    /**
     * The small ResNets: the same keys (so a sidecar names its network, not its shapes), the stride-2
     * stem halving the CAM (12x12 against 6x6 at 96 px), and both accepting the 32 px floor.
     */
    @Test
    void smallResNetsShareTheirKeysAndDifferInCamStride() {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork small = Architecture.SMALLRESNET.create(m, 1);
            CamNetwork s2 = Architecture.SMALLRESNET_S2.create(m, 1);
            assertEquals(small.module().namedTensors().keySet(), s2.module().namedTensors().keySet());
            small.module().setTraining(false);
            s2.module().setTraining(false);
            NDArray x = m.randomNormal(new Shape(2, 3, 96, 96));
            assertEquals(new Shape(2, 128, 12, 12), small.forward(x).features().getShape());
            CamOutput out = s2.forward(x);
            assertEquals(new Shape(2, 128, 6, 6), out.features().getShape());
            assertEquals(new Shape(2, 2), out.logits().getShape());
            assertEquals(new Shape(1, 128, 2, 2),
                    s2.forward(m.randomNormal(new Shape(1, 3, 32, 32))).features().getShape());
            assertEquals(96, Architecture.SMALLRESNET_S2.nativeSize());
            assertEquals(Architecture.SMALLRESNET_S2, Architecture.parse("smallresnet-s2"));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"32,1", "33,2", "100,4", "127,4", "299,10"})
    void anyInputSizeFromThirtyTwoWorks(int size, int cam) {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet net = ResNet.resnet18(m, new Random(1), 2);
            net.setTraining(false);
            CamOutput out = net.forward(m.randomNormal(new Shape(1, 3, size, size)));
            assertEquals(new Shape(1, 512, cam, cam), out.features().getShape());
        }
    }

    @Test
    void sameSeedGivesIdenticalInitialWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet a = ResNet.resnet18(m, new Random(7), 2);
            ResNet b = ResNet.resnet18(m, new Random(7), 2);
            ResNet c = ResNet.resnet18(m, new Random(8), 2);
            String key = "layer3.1.conv1.weight";
            assertArrayEquals(a.namedTensors().get(key).array().toFloatArray(),
                    b.namedTensors().get(key).array().toFloatArray());
            assertTrue(!java.util.Arrays.equals(a.namedTensors().get(key).array().toFloatArray(),
                    c.namedTensors().get(key).array().toFloatArray()));
        }
    }
}
