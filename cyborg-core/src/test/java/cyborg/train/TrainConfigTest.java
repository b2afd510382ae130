package cyborg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.model.Architecture;
import org.junit.jupiter.api.Test;

/** Training settings outside their documented ranges are refused with the range, never replaced by a default. */
class TrainConfigTest {
    private static TrainConfig.Builder small() {
        return TrainConfig.builder().architecture(Architecture.SMALLRESNET);
    }

    private static String refused(TrainConfig.Builder b) {
        return assertThrows(IllegalArgumentException.class, b::build).getMessage();
    }

    @Test
    void sizeZeroIsRefusedNotTrainedAtTheNativeSize() {
        // before: 0 meant "not given", so --size 0 trained at 64 px and train.json recorded 0
        assertEquals("--size must lie in 32..2048 for smallresnet, got 0", refused(small().inputSize(0)));
        assertEquals(64, small().build().inputSize(), "no size given: the architecture's own");
        assertEquals(32, small().inputSize(32).build().inputSize());
    }

    @Test
    void sizeAboveTheLargestIsRefused() {
        assertTrue(refused(small().inputSize(4096)).contains("32..2048"));
    }

    @Test
    void infiniteWeightDecayAndGammaAreRefused() {
        assertTrue(refused(small().weightDecay(Double.POSITIVE_INFINITY)).startsWith("--weight-decay must be a finite"));
        assertTrue(refused(small().lrGamma(Double.POSITIVE_INFINITY)).startsWith("--lr-gamma must be a finite"));
    }
}
