package cyborg.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import cyborg.data.Batch;
import cyborg.data.Preprocessing;
import cyborg.image.ImageTensors;
import cyborg.image.RgbImage;
import cyborg.model.CamNetwork;
import cyborg.model.ClassActivationMaps;
import cyborg.model.Inference;
import cyborg.model.Prediction;
import cyborg.model.SavedModel;
import cyborg.saliency.SaliencyMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a model and a saliency method on in-memory images (already at the model's input size),
 * for a fixed target class, in one batch: the perturbed variants of one image.
 */
final class ImageRunner {
    /** One image's outcome: probability of the target class, Synthetic score, label ({@link Prediction}), and map. */
    record Output(double targetProbability, double score, int predicted, Plane map) {}

    private final Inference inference;
    private final Preprocessing pre;
    private final SaliencyMethod method;
    private final NDManager manager;

    ImageRunner(CamNetwork net, Preprocessing pre, SaliencyMethod method, NDManager manager) {
        this.inference = new Inference(net, pre, SavedModel.camSize(net, manager, pre.size()));
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
        List<Output> out = new ArrayList<>(images.size());
        try {
            inference.run(new Batch(List.of(), input, new long[0], null, null, null), manager, o -> {
                float[] probs = o.logits().softmax(1).toFloatArray();
                List<Prediction> predictions = o.predictions(false);
                long[] classes = new long[images.size()];
                for (int i = 0; i < classes.length; i++) {
                    classes[i] = targetClass < 0 ? predictions.get(i).labelIndex() : targetClass;
                }
                NDArray maps = method.maps(o.network(), o.input(), o.split(), o.manager().create(classes));
                long[] shape = maps.getShape().getShape();
                int h = (int) shape[1];
                int w = (int) shape[2];
                float[][] perImage = ClassActivationMaps.perImage(maps);
                for (int i = 0; i < images.size(); i++) {
                    out.add(new Output(probs[2 * i + (int) classes[i]], predictions.get(i).score(),
                            predictions.get(i).labelIndex(),
                            new Plane(w, h, perImage[i])));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory images: nothing to read
        }
        return out;
    }
}
