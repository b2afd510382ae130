package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.nn.BatchNormFolding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

/** Folding batch norms into convolutions leaves every network's inference outputs as they were. */
class BatchNormFoldingTest {

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void foldedNetworkComputesWhatTheUnfoldedOneDid(Architecture arch) {
        EngineThreads.inferenceOnThisThread();
        int size = arch.minSize();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, size, size));
            CamNetwork plain = PytorchParityTest.seeded(arch, m);
            CamNetwork folded = PytorchParityTest.seeded(arch, m);
            List<String> keys = List.copyOf(folded.module().namedTensors().keySet());
            int pairs = BatchNormFolding.fold(folded.module(), arch.camLayer());
            assertTrue(pairs > 0, arch + ": nothing folded");
            CamOutput before = plain.forward(x);
            CamOutput after = folded.forward(x);
            assertClose(before.features(), after.features(), arch + " features");
            assertClose(before.logits(), after.logits(), arch + " logits");
            assertEquals(keys, List.copyOf(folded.module().namedTensors().keySet()), "state-dict keys");
        }
    }

    @Test
    void resNetsFoldEveryConvolutionAndRefuseTrainingAfter() {
        EngineThreads.inferenceOnThisThread();
        try (NDManager m = NDManager.newBaseManager()) {
            // ResNet-50: the stem, 16 bottlenecks x 3, 4 downsamples, less the CAM layer's pair; ResNet-18: 1 + 8 x 2 + 3 - 1
            assertEquals(52, BatchNormFolding.fold(Architecture.RESNET50.create(m, 1).module(), "layer4.2.conv3"));
            CamNetwork r18 = Architecture.RESNET18.create(m, 1);
            assertEquals(19, BatchNormFolding.fold(r18.module(), "layer4.1.conv2"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> r18.module().setTraining(true));
            assertTrue(e.getMessage().contains("folded"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> cyborg.nn.StateDict.of(r18.module()));
        }
    }

    private static void assertClose(NDArray expected, NDArray actual, String what) {
        float scale = Math.max(1f, expected.abs().max().getFloat());
        float diff = expected.sub(actual).abs().max().getFloat();
        assertTrue(diff <= 2e-5f * scale, what + ": max difference " + diff + " at magnitude " + scale);
    }
}
