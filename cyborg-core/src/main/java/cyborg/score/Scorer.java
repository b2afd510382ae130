package cyborg.score;

import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.model.Architecture;
import cyborg.model.CamMap;
import cyborg.model.CamTarget;
import cyborg.model.Inference;
import cyborg.model.LoadedModel;
import cyborg.model.Prediction;
import cyborg.model.SavedModel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scores images with a saved model on its {@link Inference} path, optionally writing each image's CAM. */
public final class Scorer implements AutoCloseable {
    private final LoadedModel loaded;

    /** Scores with {@code loaded}; closing the scorer closes it. */
    public Scorer(LoadedModel loaded) {
        this.loaded = loaded;
    }

    /** Loads a PyTorch or safetensors weight file for {@code arch} (see {@link LoadedModel#open(Path, Architecture, boolean)}). */
    public static Scorer open(Path weights, Architecture arch, boolean strict) throws IOException {
        return new Scorer(LoadedModel.open(weights, arch, strict));
    }

    /** Loads the model at {@code location} (a model folder or its safetensors file). */
    public static Scorer open(Path location) throws IOException {
        return new Scorer(LoadedModel.open(location));
    }

    /** The loaded model. */
    public SavedModel model() {
        return loaded.model();
    }

    /**
     * Scores {@code samples} in order; an output that is not finite stops the run naming the image.
     *
     * @param batchSize images per forward pass
     * @param cams where to write CAM images (null: none)
     * @param target whose CAM to write ({@link CamTarget#PREDICTED}: the label's, as {@link Prediction} gives it)
     * @param skips bad images stop the run or are skipped and counted
     * @param console progress (null: silent)
     */
    public List<Score> score(List<Sample> samples, int batchSize, CamWriter cams, CamTarget target,
            SkipReport skips, PrintStream console) throws IOException {
        List<Score> out = new ArrayList<>(samples.size());
        boolean labelCams = cams != null && target == CamTarget.PREDICTED;
        loaded.run(samples, batchSize, skips, "scoring", console, o -> {
            List<Prediction> predictions = o.predictions(labelCams);
            List<Sample> batch = o.batch().samples();
            for (int i = 0; i < batch.size(); i++) {
                predictions.get(i).requireFinite(batch.get(i).key());
                out.add(new Score(batch.get(i).key(), predictions.get(i).score()));
            }
            if (cams != null) {
                float[][] other = labelCams ? null : o.cams(target);
                int[] hw = loaded.model().info().camSize;
                for (int i = 0; i < batch.size(); i++) {
                    cams.write(batch.get(i), labelCams ? predictions.get(i).cam() : new CamMap(hw[0], hw[1], other[i]));
                }
            }
        });
        return out;
    }

    /**
     * A scored image with the CAM of its label's class.
     *
     * @param sample the image
     * @param prediction what the model said, with the CAM
     */
    public record ScoredCam(Sample sample, Prediction prediction) {
        /** The score ({@link Prediction#score()}). */
        public double score() {
            return prediction.score();
        }

        /** The label's normalised CAM (h x w, row-major). */
        public float[] cam() {
            return prediction.cam().values();
        }
    }

    /** Predictions with CAMs of {@code samples}, in order; bad images stop the run. */
    public List<ScoredCam> cams(List<Sample> samples, int batchSize, PrintStream console) throws IOException {
        return cams(samples, batchSize, SkipReport.failFast(), console);
    }

    /**
     * Predictions with CAMs of {@code samples}, in order; bad images stop the run or are skipped
     * and counted; an output that is not finite stops the run naming the image.
     */
    public List<ScoredCam> cams(List<Sample> samples, int batchSize, SkipReport skips, PrintStream console)
            throws IOException {
        List<ScoredCam> out = new ArrayList<>(samples.size());
        loaded.run(samples, batchSize, skips, "scoring", console, o -> {
            List<Prediction> predictions = o.predictions(true);
            for (int i = 0; i < predictions.size(); i++) {
                Sample s = o.batch().samples().get(i);
                predictions.get(i).requireFinite(s.key());
                out.add(new ScoredCam(s, predictions.get(i)));
            }
        });
        return out;
    }

    /** Runs {@code samples} through the model's inference path, handing each batch's outputs to {@code sink}. */
    public void run(List<Sample> samples, int batchSize, SkipReport skips, String task, PrintStream console,
            Inference.Sink sink) throws IOException {
        loaded.run(samples, batchSize, skips, task, console, sink);
    }

    @Override
    public void close() {
        loaded.close();
    }
}
