package cyborg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Square average pooling as {@code torch.nn.AvgPool2d(kernel, stride, padding)}: floor mode,
 * padded zeros counted in the average ({@code count_include_pad=True}, torch's default, which
 * Inception-v3's pooling branches rely on at the borders).
 */
public final class AvgPool2d extends Layer {
    private final Shape kernel;
    private final Shape stride;
    private final Shape padding;

    /** Averages {@code kernel} x {@code kernel} windows every {@code stride} pixels. */
    public AvgPool2d(int kernel, int stride, int padding) {
        this.kernel = new Shape(kernel, kernel);
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.getNDArrayInternal().avgPool(kernel, stride, padding, false, true);
    }
}
