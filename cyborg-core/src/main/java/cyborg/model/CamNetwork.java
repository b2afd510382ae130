package cyborg.model;

import ai.djl.ndarray.NDArray;
import cyborg.nn.Module;

/**
 * A classifier whose class activation map can be formed from its output: the CAM of class c is
 * {@code W[c] . F} with W the final linear layer's weights and F the CAM layer's features.
 */
public interface CamNetwork {
    /** Runs the network on a normalised batch (batch, 3, size, size). */
    default CamOutput forward(NDArray input) {
        CamSplit split = forwardToCam(input);
        return new CamOutput(head(split.features(), split), split.features());
    }

    /** Runs the network up to its CAM layer. */
    CamSplit forwardToCam(NDArray input);

    /**
     * Runs the rest of the network from CAM-layer features (which may be a fresh array that
     * requires gradient, for gradient-based saliency), using {@code split} for the other inputs.
     *
     * @return logits (batch, classes)
     */
    NDArray head(NDArray features, CamSplit split);

    /** The final linear layer's weight matrix (classes x channels): the CAM weights. */
    NDArray classifierWeight();

    /** The network as a module: its tensors under torchvision's names, train/eval switch. */
    Module module();
}
