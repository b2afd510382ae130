package cyborg.nn;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Layers run in order, named {@code 0}, {@code 1}, ... as in {@code torch.nn.Sequential}. */
public final class Sequential extends Layer {
    private final List<Layer> layers = new ArrayList<>();

    /** Appends a layer under the next index and returns this. */
    public Sequential add(Layer layer) {
        layers.add(child(Integer.toString(layers.size()), layer));
        return this;
    }

    /** The layers in order. */
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray y = x;
        for (Layer layer : layers) {
            y = layer.forwardFreeing(y);
        }
        return y;
    }
}
