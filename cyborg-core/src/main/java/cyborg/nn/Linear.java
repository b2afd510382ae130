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
        this(manager, rng, in, out, Init.torchDefaultUniform(), null);
    }

    /**
     * Creates a layer with the given initialisations, as networks that re-initialise their
     * classifier do (DenseNet: bias 0; Inception-v3: truncated-normal weight).
     *
     * @param biasInit the bias initialisation, or null for PyTorch's default (uniform in
     *     +-1/sqrt(in))
     */
    public Linear(NDManager manager, Random rng, int in, int out, Init weightInit, Init biasInit) {
        weight = tensor("weight", manager, new Shape(out, in), weightInit, rng, true);
        // a 1-D bias has no fan-in of its own: PyTorch's default bound uses the layer's
        Init b = biasInit != null ? biasInit
                : (size, fi, fo, r) -> Init.torchDefaultUniform().values(size, in, fo, r);
        bias = tensor("bias", manager, new Shape(out), b, rng, true);
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray y = x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
        FlopCount.addMultiplyAdds(y.size() * weight.getShape().get(1));
        return y;
    }

    /** The weight matrix (out x in): for a classifier head, the CAM weights. */
    public NDArray weight() {
        return weight;
    }
}
