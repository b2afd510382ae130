package cyborg.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplying and dividing a loss by a Java number, with the number held in memory PyTorch owns.
 * Use these, never DJL's {@code NDArray.mul(Number)} or {@code div(Number)}, on anything the
 * backward pass goes through.
 *
 * <p>Why: in DJL 0.35.1 {@code x.mul(n)} makes {@code n} a 0-d tensor with
 * {@code manager.create(n)}, which wraps a Java direct {@code ByteBuffer} with
 * {@code torch::from_blob} (no copy, no owner on the torch side), multiplies, and closes that
 * array at once, dropping the only Java reference to the buffer. Autograd has saved the scalar
 * for the backward pass ({@code MulBackward0} and {@code DivBackward0} keep {@code other}), so
 * once a garbage collection runs the buffer's cleaner before the backward, the backward reads
 * freed memory: the gradient is scaled by garbage (1e37 and the like). Whether a collection falls
 * in that window depends on what ran before, which is why this showed up as a rare, order
 * dependent failure of {@code RightReasonsTest}. A tensor from {@code manager.full} is allocated
 * by PyTorch and reference-counted there, so closing its Java handle at once is safe.
 */
final class ScalarOps {
    private ScalarOps() {}

    /** {@code x * c}, c as a float32 0-d tensor (as {@code x.mul((float) c)} would make it). */
    static NDArray times(NDArray x, float c) {
        try (NDArray k = constant(x, c)) {
            return x.mul(k);
        }
    }

    /** {@code x / c}, c as a float32 0-d tensor (as {@code x.div((float) c)} would make it). */
    static NDArray dividedBy(NDArray x, float c) {
        try (NDArray k = constant(x, c)) {
            return x.div(k);
        }
    }

    private static NDArray constant(NDArray like, float c) {
        return like.getManager().full(new Shape(), c, DataType.FLOAT32); // on the manager's device, as DJL's would be
    }
}
