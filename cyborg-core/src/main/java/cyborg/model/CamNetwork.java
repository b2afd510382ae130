package cyborg.model;

import ai.djl.ndarray.NDArray;
import cyborg.nn.Module;

/**
 * A classifier whose class activation map can be formed from its output: the CAM of class c is
 * {@code W[c] . F} with W the final linear layer's weights and F the CAM layer's features.
 */
public interface CamNetwork {
    /** Runs the network on a normalised batch (batch, 3, size, size). */
    CamOutput forward(NDArray input);

    /** The final linear layer's weight matrix (classes x channels): the CAM weights. */
    NDArray classifierWeight();

    /** The network as a module: its tensors under torchvision's names, train/eval switch. */
    Module module();
}
