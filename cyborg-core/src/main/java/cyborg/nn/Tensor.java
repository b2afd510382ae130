package cyborg.nn;

import ai.djl.ndarray.NDArray;

/**
 * A named array owned by a {@link Module}: a trainable parameter (weights, biases) or a buffer
 * that training updates by other means (batch-norm running statistics).
 */
public final class Tensor {
    private final NDArray array;
    private final boolean trainable;

    Tensor(NDArray array, boolean trainable) {
        this.array = array;
        this.trainable = trainable;
        if (trainable) {
            array.setRequiresGradient(true);
        }
    }

    /** The live array; in-place updates change the model. */
    public NDArray array() {
        return array;
    }

    /** Whether the optimiser updates this tensor from its gradient. */
    public boolean trainable() {
        return trainable;
    }
}
