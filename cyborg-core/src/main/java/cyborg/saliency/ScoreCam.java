package cyborg.saliency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.model.CamNetwork;
import cyborg.model.CamSplit;
import cyborg.model.ClassActivationMaps;

/**
 * Score-CAM: each channel, upsampled to the input and min-max normalised, masks the input; the
 * channel's weight is the target class's softmax probability on the masked input. Needs one
 * forward pass per channel and image (run in chunks), so it is the slowest method.
 */
public final class ScoreCam extends SaliencyMethod {
    private static final int CHUNK = 32;

    @Override
    public String id() {
        return "scorecam";
    }

    @Override
    protected NDArray weights(CamNetwork net, NDArray input, CamSplit split, NDArray classes) {
        long[] f = split.features().getShape().getShape();
        long[] in = input.getShape().getShape();
        NDManager m = manager(input);
        NDArray up = Bilinear.matrix(m, (int) in[2], (int) f[2]);
        NDArray upT = Bilinear.matrix(m, (int) in[3], (int) f[3]).transpose();
        long[] cls = classes.toLongArray();
        float[] weights = new float[(int) (f[0] * f[1])];
        for (int b = 0; b < f[0]; b++) {
            // Each image, and each chunk of masked forward passes, gets its own manager: the
            // activations of a chunk are large, and only the class probabilities are kept.
            try (NDManager im = m.newSubManager()) {
                NDArray rows = scoped(im, up.matMul(scoped(im, split.features().get(b))));
                NDArray masks = ClassActivationMaps.minMaxNormalize(rows.matMul(upT));
                NDArray image = scoped(im, input.get(b)).expandDims(0);
                for (long c0 = 0; c0 < f[1]; c0 += CHUNK) {
                    long c1 = Math.min(f[1], c0 + CHUNK);
                    try (NDManager cm = im.newSubManager()) {
                        NDArray masked = scoped(cm, masks.get(c0 + ":" + c1)).expandDims(1).mul(image);
                        float[] p = net.forward(masked).logits().softmax(1)
                                .get(new NDIndex(":, {}", cls[b])).toFloatArray();
                        System.arraycopy(p, 0, weights, (int) (b * f[1] + c0), p.length);
                    }
                }
            }
        }
        return m.create(weights, new Shape(f[0], f[1]));
    }

    private static NDArray scoped(NDManager scope, NDArray a) {
        a.attach(scope);
        return a;
    }
}
