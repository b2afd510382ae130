package cyborg.model;

import ai.djl.ndarray.NDArray;

/**
 * The contrastive class activation map of a two-class model: {@code d = (W[1] - W[0]) . F}, the
 * map of the logit difference Synthetic minus Real (the logit difference is the spatial mean of
 * {@code d} plus the bias difference), normalised per image to {@code |d| / max |d|}.
 *
 * <p>Why the magnitude scaled by its maximum. A cell with {@code d > 0} argues for Synthetic, one
 * with {@code d < 0} for Real; a shortcut is a shortcut whichever class it votes for (a watermark
 * that says "Real" is as much off the face as one that says "Synthetic"). The reference's min-max
 * normalisation of the signed map would send the strongest evidence for Real to 0, the value the
 * human map gives to what does not matter, so a model could satisfy the CAM terms with strong
 * negative evidence off the face. Taking {@code |d|} counts evidence of either sign; dividing by
 * {@code max |d|} (instead of a min-max of {@code |d|}) keeps 0 meaning "no evidence", the natural
 * zero of a logit difference, and gives 1 to the strongest evidence. A CAM term then penalises
 * strong evidence of either sign off the human map and asks for evidence on it. Differentiable
 * almost everywhere (the gradient of {@code |d|} at exactly 0 is taken as 0).
 */
public final class ContrastiveCam {
    /** Keeps a zero map finite (0) instead of 0/0, as {@code ClassActivationMaps} does. */
    private static final float DIVISION_GUARD = 1e-12f;

    private ContrastiveCam() {}

    /** The signed map {@code (W[1] - W[0]) . F} (batch, h, w) of features (batch, channels, h, w) and W (2, channels). */
    public static NDArray signed(NDArray features, NDArray weight) {
        if (weight.getShape().get(0) != 2) {
            throw new IllegalArgumentException("the contrastive CAM needs a two-class model, got "
                    + weight.getShape().get(0) + " classes");
        }
        long channels = features.getShape().get(1);
        // slices of W land in W's (long-lived) manager; moving them to the batch's manager frees them,
        // and everything computed from them, with the batch: otherwise each step's map and graph stayed
        // alive until the run ended (about 30 MB a step)
        NDArray synthetic = weight.get(1);
        NDArray real = weight.get(0);
        synthetic.attach(features.getManager());
        real.attach(features.getManager());
        NDArray diff = synthetic.sub(real).reshape(1, channels, 1, 1);
        return diff.mul(features).sum(new int[] {1});
    }

    /** {@code |d| / max |d|} per image: (batch, h, w) in [0, 1]. */
    public static NDArray normalized(NDArray features, NDArray weight) {
        NDArray d = signed(features, weight);
        long batch = d.getShape().get(0);
        NDArray magnitude = d.abs().reshape(batch, -1);
        NDArray scale = magnitude.max(new int[] {1}, true).add(DIVISION_GUARD);
        return magnitude.div(scale).reshape(d.getShape());
    }
}
