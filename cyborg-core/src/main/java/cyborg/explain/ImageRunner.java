package cyborg.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.data.Preprocessing;
import cyborg.image.ImageTensors;
import cyborg.image.RgbImage;
import cyborg.model.CamNetwork;
import cyborg.model.CamSplit;
import cyborg.saliency.SaliencyMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a model and a saliency method on in-memory images (already at the model's input size),
 * for a fixed target class, in one batch: the perturbed variants of one image.
 */
final class ImageRunner {
    /** One image's outcome: probability of the target class, Synthetic score, and map. */
    record Output(double targetProbability, double score, int predicted, Plane map) {}

    private final CamNetwork net;
    private final Preprocessing pre;
    private final SaliencyMethod method;
    private final NDManager manager;

    ImageRunner(CamNetwork net, Preprocessing pre, SaliencyMethod method, NDManager manager) {
        this.net = net;
        this.pre = pre;
        this.method = method;
        this.manager = manager;
    }

    /** Outputs for {@code images}; {@code targetClass} < 0 means each image's predicted class. */
    List<Output> run(List<RgbImage> images, int targetClass) {
        int s = pre.size();
        float[] input = new float[images.size() * 3 * s * s];
        for (int i = 0; i < images.size(); i++) {
            ImageTensors.writeNormalizedChw(images.get(i), pre.mean(), pre.std(), input, i * 3 * s * s);
        }
        try (NDManager bm = manager.newSubManager()) {
            NDArray x = bm.create(input, new Shape(images.size(), 3, s, s));
            CamSplit split = net.forwardToCam(x);
            NDArray logits = net.head(split.features(), split);
            float[] probs = logits.softmax(1).toFloatArray();
            float[] syn = logits.getNDArrayInternal().sigmoid().toFloatArray();
            long[] predicted = logits.argMax(1).toLongArray();
            long[] classes = targetClass < 0 ? predicted.clone() : new long[images.size()];
            if (targetClass >= 0) {
                java.util.Arrays.fill(classes, targetClass);
            }
            NDArray maps = method.maps(net, x, split, bm.create(classes));
            long[] shape = maps.getShape().getShape();
            int h = (int) shape[1];
            int w = (int) shape[2];
            float[][] perImage = cyborg.model.ClassActivationMaps.perImage(maps);
            List<Output> out = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                out.add(new Output(probs[2 * i + (int) classes[i]], syn[2 * i + 1], (int) predicted[i], new Plane(w, h, perImage[i])));
            }
            return out;
        }
    }
}
