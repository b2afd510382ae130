package cyborg.train;

import ai.djl.ndarray.NDArray;
import cyborg.io.TensorData;

import java.util.Map;

/**
 * Updates parameters from their gradients, then zeroes the gradients. Its state (momentum
 * buffers, step count) can be saved and restored, so a resumed run continues exactly.
 */
public interface Optimizer {
    /** Applies one update with learning rate {@code lr} to every parameter that has a gradient. */
    void step(double lr);

    /** The optimiser's state, keyed by {@code <kind>.<parameter name>}. */
    Map<String, TensorData> state();

    /** Restores a state written by {@link #state()}. */
    void loadState(Map<String, TensorData> state);

    /** Zeroes a gradient in place (PyTorch accumulates gradients across backward passes). */
    static void zero(NDArray gradient) {
        gradient.muli(0);
    }
}
