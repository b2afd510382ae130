package cyborg.nn;

import ai.djl.ndarray.NDArray;

/**
 * ReLU as a parameterless layer, so that it takes its index in a {@link Sequential} as in
 * torch (Xception's {@code rep} numbering depends on it). Never in place: it returns a new array,
 * so a block input that a skip path reads again is left intact.
 */
public final class Relu extends Layer {
    @Override
    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal().relu();
    }
}
