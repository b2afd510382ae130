package cyborg.saliency;

import ai.djl.ndarray.NDArray;
import cyborg.model.CamNetwork;
import cyborg.model.CamSplit;

/** Grad-CAM: channel weights are the spatial means of the target logit's gradient. */
public final class GradCam extends SaliencyMethod {
    @Override
    public String id() {
        return "gradcam";
    }

    @Override
    protected NDArray weights(CamNetwork net, NDArray input, CamSplit split, NDArray classes) {
        NDArray g = FeatureGradients.of(net, split, classes);
        long[] s = g.getShape().getShape();
        return g.reshape(s[0], s[1], -1).mean(new int[] {2});
    }
}
