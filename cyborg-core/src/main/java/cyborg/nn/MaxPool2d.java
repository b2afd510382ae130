package cyborg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Square max pooling as {@code torch.nn.MaxPool2d(kernel, stride, padding)} (floor mode). */
public final class MaxPool2d extends Layer {
    private final Shape kernel;
    private final Shape stride;
    private final Shape padding;

    /** Pools {@code kernel} x {@code kernel} windows every {@code stride} pixels. */
    public MaxPool2d(int kernel, int stride, int padding) {
        this.kernel = new Shape(kernel, kernel);
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal().maxPool(kernel, stride, padding, false);
    }
}
