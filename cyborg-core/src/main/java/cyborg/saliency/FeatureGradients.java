package cyborg.saliency;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import cyborg.model.CamNetwork;
import cyborg.model.CamSplit;

/**
 * The gradient of each image's target-class logit with respect to the CAM-layer features. DJL has
 * no retain_grad, so the features are copied into a fresh leaf that requires gradient and the
 * rest of the network runs from it under a gradient collector.
 */
final class FeatureGradients {
    private FeatureGradients() {}

    /** d logit[c_i] / d features_i, shaped like the features. */
    static NDArray of(CamNetwork net, CamSplit split, NDArray classes) {
        NDArray leaf = split.features().duplicate();
        leaf.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = net.head(leaf, split);
            // images are independent, so the gradient of the sum is each image's own gradient
            NDArray target = logits.mul(SaliencyMethod.oneHot(classes, (int) logits.getShape().get(1), logits)).sum();
            gc.backward(target);
        }
        return leaf.getGradient();
    }
}
