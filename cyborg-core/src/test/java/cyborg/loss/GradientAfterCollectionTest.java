package cyborg.loss;

import cyborg.model.CamTarget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * A garbage collection between the loss and its backward pass must not change the gradient. It
 * did when the loss weights and the masked mean's divisor were DJL {@code mul(Number)} and
 * {@code div(Number)} scalars, whose Java-owned memory the collection freed while autograd still
 * read it ({@link ScalarOps}); this made {@code RightReasonsTest} fail now and then.
 */
class GradientAfterCollectionTest {
    private static final int B = 3;
    private static final int C = 2;
    private static final int H = 2;

    private final Random rng = new Random(11);
    private final double[] features = RandomArrays.gaussians(rng, B * C * H * H, 1.0);
    private final double[] weight = RandomArrays.gaussians(rng, 2 * C, 1.0);
    private final double[] logits = RandomArrays.gaussians(rng, B * 2, 1.0);
    private final double[] maps = RandomArrays.uniforms(rng, B * H * H);

    // weights other than 1 and a masked mean over two of three images: every scalar matters
    private static final CompositeLoss LOSS = LossSpec.parse("ce:0.3,cyborg:0.7,kl:1.9", 0.5);

    private double[] logitGradient(boolean collectBeforeBackward) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray l = m.create(logits, new Shape(B, 2));
            NDArray f = m.create(features, new Shape(B, C, H, H));
            l.setRequiresGradient(true);
            f.setRequiresGradient(true);
            LossContext c = new LossContext(l, f, m.create(weight, new Shape(2, C)), m.create(new long[] {0, 1, 1}),
                    m.create(maps, new Shape(B, H, H)), m.create(new double[] {1, 0, 1}), CamTarget.TRUE);
            NDArray total = LOSS.compute(c).total();
            if (collectBeforeBackward) {
                for (int i = 0; i < 3; i++) {
                    System.gc(); // lets the cleaners of unreachable direct buffers free their memory
                    Thread.sleep(50);
                }
            }
            gc.backward(total);
            double[] lg = l.getGradient().toDoubleArray();
            double[] fg = f.getGradient().toDoubleArray();
            double[] both = new double[lg.length + fg.length];
            System.arraycopy(lg, 0, both, 0, lg.length);
            System.arraycopy(fg, 0, both, lg.length, fg.length);
            return both;
        }
    }

    @Test
    void aCollectionBetweenLossAndBackwardLeavesTheGradientUnchanged() throws InterruptedException {
        double[] direct = logitGradient(false);
        double[] collected = logitGradient(true);
        assertArrayEquals(direct, collected, 0.0);
    }
}
