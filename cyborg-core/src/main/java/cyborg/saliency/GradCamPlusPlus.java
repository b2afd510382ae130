package cyborg.saliency;

import ai.djl.ndarray.NDArray;
import cyborg.model.CamNetwork;
import cyborg.model.CamSplit;

/**
 * Grad-CAM++: pixel-wise weights {@code a = g^2 / (2 g^2 + sum(A) g^3)} (zero where g is zero),
 * channel weights {@code sum over cells of a * relu(g)}, with g the gradient and A the activations.
 */
public final class GradCamPlusPlus extends SaliencyMethod {
    private static final float EPS = 1e-7f;

    @Override
    public String id() {
        return "gradcampp";
    }

    @Override
    protected NDArray weights(CamNetwork net, NDArray input, CamSplit split, NDArray classes) {
        NDArray g = FeatureGradients.of(net, split, classes);
        long[] s = g.getShape().getShape();
        NDArray grads = g.reshape(s[0], s[1], -1);
        NDArray acts = split.features().reshape(s[0], s[1], -1);
        NDArray g2 = grads.square();
        NDArray g3 = g2.mul(grads);
        NDArray sumActs = acts.sum(new int[] {2}, true);
        NDArray alpha = g2.div(g2.mul(2).add(sumActs.mul(g3)).add(EPS));
        alpha = alpha.mul(grads.neq(0).toType(alpha.getDataType(), false));
        return alpha.mul(grads.getNDArrayInternal().relu()).sum(new int[] {2});
    }
}
