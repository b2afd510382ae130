package cyborg.saliency;

import cyborg.model.CamTarget;

import ai.djl.ndarray.NDArray;
import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.model.ClassActivationMaps;
import cyborg.model.CamMap;
import cyborg.model.LoadedModel;
import cyborg.model.Prediction;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** Computes saliency maps of many images with one loaded model, batch by batch. */
public final class SaliencyRunner {
    private final LoadedModel model;

    /** Uses {@code model}. */
    public SaliencyRunner(LoadedModel model) {
        this.model = model;
    }

    /** Something that takes each image's map as it is computed. */
    @FunctionalInterface
    public interface Sink {
        void accept(SaliencyResult result) throws IOException;
    }

    /**
     * Runs {@code method} over {@code samples} in batches of {@code batchSize}.
     *
     * @param target whose saliency to show
     * @param skips bad images stop the run or are skipped and counted
     */
    public void run(List<Sample> samples, SaliencyMethod method, CamTarget target, int batchSize, SkipReport skips,
            PrintStream console, Sink sink) throws IOException {
        model.run(samples, batchSize, skips, "saliency", console, o -> {
            List<Prediction> predictions = o.predictions(false);
            NDArray classes = o.classes(target);
            NDArray maps = method.maps(o.network(), o.input(), o.split(), classes);
            long[] shape = maps.getShape().getShape();
            int h = (int) shape[1];
            int w = (int) shape[2];
            float[][] perImage = ClassActivationMaps.perImage(maps);
            long[] cls = classes.toLongArray();
            for (int i = 0; i < predictions.size(); i++) {
                sink.accept(new SaliencyResult(o.batch().samples().get(i), predictions.get(i), (int) cls[i],
                        new CamMap(h, w, perImage[i])));
            }
        });
    }
}
