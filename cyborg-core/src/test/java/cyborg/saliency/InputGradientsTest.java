package cyborg.saliency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.model.Architecture;
import cyborg.model.CamNetwork;

import org.junit.jupiter.api.Test;

class InputGradientsTest {

    private static CamNetwork net(NDManager m) {
        CamNetwork net = Architecture.SMALLRESNET.create(m, 5);
        net.module().setTraining(true);
        for (int i = 0; i < 3; i++) {
            net.forward(m.randomNormal(new Shape(4, 3, 32, 32)));
        }
        net.module().setTraining(false);
        return net;
    }

    /** sum_k log p_k of the first image, in float64 for the differences. */
    private static double logProbSum(CamNetwork net, NDArray x) {
        return net.forward(x).logits().logSoftmax(1).sum().toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                .getDouble();
    }

    @Test
    void gradientMatchesDirectionalFiniteDifferences() {
        ai.djl.engine.Engine.getInstance().setRandomSeed(7);
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = net(m);
            NDArray x = m.randomNormal(new Shape(1, 3, 32, 32));
            NDArray g = InputGradients.gradient(net, x);
            // unit directions along the gradient, and along it on the top half only (which fails if the
            // gradient sits at the wrong pixels); a random direction would be nearly orthogonal to the
            // gradient and its difference lost in float32 rounding
            NDArray top = m.zeros(new Shape(1, 3, 32, 32));
            top.set(new ai.djl.ndarray.index.NDIndex(":, :, :16, :"), 1f);
            NDArray gTop = g.mul(top);
            for (NDArray v : new NDArray[] {g.div(g.norm()), gTop.div(gTop.norm())}) {
                double h = 1e-2;
                double fd = (logProbSum(net, x.add(v.mul(h))) - logProbSum(net, x.sub(v.mul(h)))) / (2 * h);
                double analytic = g.mul(v).sum().getFloat();
                assertTrue(Math.abs(analytic) > 1e-3, "the direction must matter: " + analytic);
                assertEquals(analytic, fd, 0.02 * Math.abs(analytic));
            }
        }
    }

    @Test
    void densityIsTheSquaredGradientSummedOverChannels() {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = net(m);
            NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
            NDArray g = InputGradients.gradient(net, x);
            assertArrayEquals(g.square().sum(new int[] {1}).toFloatArray(),
                    InputGradients.density(net, x).toFloatArray(), 1e-9f);
        }
    }

    @Test
    void eachImagesMapIgnoresTheOtherImagesOfTheBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            CamNetwork net = net(m);
            NDArray x = m.randomNormal(new Shape(2, 3, 32, 32));
            NDArray both = InputGradients.density(net, x);
            assertEquals(new Shape(2, 32, 32), both.getShape());
            NDArray second = InputGradients.density(net, x.get("1:2"));
            assertArrayEquals(second.toFloatArray(), both.get("1:2").toFloatArray(), 1e-4f * maxOf(second));
        }
    }

    private static float maxOf(NDArray a) {
        return a.max().getFloat();
    }
}
