package cyborg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

/** Fully connected layer {@code y = x W^T + b} with PyTorch's default initialisation. */
public final class Linear extends Layer {
    private final NDArray weight;
    private final NDArray bias;

    /** Creates a layer from {@code in} to {@code out} features. */
    public Linear(NDManager manager, Random rng, int in, int out) {
        weight = tensor("weight", manager, new Shape(out, in), Init.torchDefaultUniform(), rng, true);
        Init biasInit = (size, fi, fo, r) -> Init.torchDefaultUniform().values(size, in, fo, r);
        bias = tensor("bias", manager, new Shape(out), biasInit, rng, true);
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    /** The weight matrix (out x in): for a classifier head, the CAM weights. */
    public NDArray weight() {
        return weight;
    }
}
