package cyborg.loss;

import ai.djl.ndarray.NDArray;

/**
 * "Right for the Right Reasons" ({@code rrr}, Ross et al. 2017): the squared input gradient of
 * the summed log-probabilities, weighted by where the human map says the decision should not
 * look,
 * <pre>  R_n = sum_{c,i,j} (1 - m_n[i,j]) * (d/dx_n[c,i,j] sum_k log p_k(x_n))^2</pre>
 * summed over the pixels and the 3 channels (the map broadcast over channels) and averaged over
 * the images of the batch that have a human map (0 when none has one).
 *
 * <p>Choices. {@code m} is the human map itself (soft), at input resolution and min-max
 * normalised to [0, 1]: annotator maps are soft blobs, and any threshold turning them into the
 * paper's binary mask A would be arbitrary. The weight is linear in {@code 1 - m}; for a binary
 * mask this equals the paper's {@code (A * grad)^2}. The gradient is taken with respect to the
 * <em>normalised</em> input the model sees (ImageNet mean and standard deviation), not the [0, 1]
 * pixels: it is {@code std_c} times the pixel gradient, so R is about 0.05 times the pixel-space
 * value. For two classes {@code sum_k log p_k = z_0 + z_1 - 2 logsumexp(z)}, whose input gradient
 * is {@code (p_1 - p_0) d(z_0 - z_1)/dx}: zero for an undecided model, the gradient of the logit
 * difference for a confident one.
 *
 * <p>Needs a second backward pass (double backpropagation, {@link LossContext#inputGradient}); a
 * training step with it costs several plain steps.
 */
public final class RightReasons implements LossTerm {
    @Override
    public boolean needsMaps() {
        return true;
    }

    @Override
    public String name() {
        return "rrr";
    }

    @Override
    public String what() {
        return "Right for the Right Reasons: squared input gradient of the summed log-probabilities outside the human map (a second backward pass, about 3x the cost of a CE step)";
    }

    @Override
    public boolean needsInputGradient() {
        return true;
    }

    @Override
    public NDArray compute(LossContext c) {
        if (c.mapCount() == 0) {
            return c.zero();
        }
        NDArray g = c.inputGradient();
        NDArray maps = c.inputMaps();
        long batch = g.getShape().get(0);
        NDArray irrelevant = maps.onesLike().sub(maps).expandDims(1); // (batch, 1, H, W), broadcast over channels
        NDArray perImage = g.square().mul(irrelevant).reshape(batch, -1).sum(new int[] {1});
        return c.maskedMean(perImage);
    }
}
