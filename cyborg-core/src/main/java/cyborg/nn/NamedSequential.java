package cyborg.nn;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Layers run in order under chosen names, as {@code torch.nn.Sequential(OrderedDict(...))}
 * (torchvision's DenseNet {@code features}: {@code conv0}, {@code norm0}, {@code denseblock1}, ...).
 */
public final class NamedSequential extends Layer {
    private final List<Layer> layers = new ArrayList<>();

    /** Appends a layer under {@code name} and returns this. */
    public NamedSequential add(String name, Layer layer) {
        layers.add(child(name, layer));
        return this;
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray y = x;
        for (Layer layer : layers) {
            y = layer.forward(y);
        }
        return y;
    }
}
