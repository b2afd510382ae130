package cyborg.saliency;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import cyborg.model.CamNetwork;

/**
 * Where a model's decision is sensitive to the pixels: the input gradient of the summed
 * log-probabilities, {@code d sum_k log p_k / d x}, squared and summed over colour channels.
 * It is the density the {@code rrr} loss penalises outside the human map, so the map a trained
 * model shows here is the one that loss shaped (Ross et al. 2017 plot the same quantity).
 */
public final class InputGradients {
    private InputGradients() {}

    /**
     * Per-pixel sensitivity maps (batch, height, width), not normalised, in {@code input}'s manager.
     *
     * @param net the network (in inference mode)
     * @param input the normalised input batch (batch, 3, height, width)
     */
    public static NDArray density(CamNetwork net, NDArray input) {
        return gradient(net, input).square().sum(new int[] {1});
    }

    /** {@code d sum_k log p_k / d x} of each image (batch, 3, height, width), in {@code input}'s manager. */
    public static NDArray gradient(CamNetwork net, NDArray input) {
        NDArray x = input.duplicate();
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            // images are independent, so the gradient of the batch sum is each image's own gradient
            gc.backward(net.forward(x).logits().logSoftmax(1).sum());
        }
        return x.getGradient();
    }
}
