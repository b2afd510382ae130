package cyborg.score;

import cyborg.data.Sample;
import cyborg.data.SkipReport;
import cyborg.model.Architecture;
import cyborg.model.CamTarget;
import cyborg.model.Inference;
import cyborg.model.LoadedModel;
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
     * Scores {@code samples} in order.
     *
     * @param batchSize images per forward pass
     * @param cams where to write CAM images (null: none)
     * @param target whose CAM to write
     * @param skips bad images stop the run or are skipped and counted
     * @param console progress (null: silent)
     */
    public List<Score> score(List<Sample> samples, int batchSize, CamWriter cams, CamTarget target,
            SkipReport skips, PrintStream console) throws IOException {
        List<Score> out = new ArrayList<>(samples.size());
        loaded.run(samples, batchSize, skips, "scoring", console, o -> {
            float[] scores = o.scores();
            List<Sample> batch = o.batch().samples();
            for (int i = 0; i < batch.size(); i++) {
                out.add(new Score(batch.get(i).key(), scores[i]));
            }
            if (cams != null) {
                float[][] maps = o.cams(target);
                int[] hw = loaded.model().info().camSize;
                for (int i = 0; i < batch.size(); i++) {
                    cams.write(batch.get(i), maps[i], hw[0], hw[1]);
                }
            }
        });
        return out;
    }

    /** A scored image with its normalised CAM (h x w, row-major). */
    public record ScoredCam(Sample sample, double score, float[] cam) {}

    /** Scores and normalised CAMs of {@code samples}, in order; bad images stop the run. */
    public List<ScoredCam> cams(List<Sample> samples, int batchSize, CamTarget target, PrintStream console)
            throws IOException {
        return cams(samples, batchSize, target, SkipReport.failFast(), console);
    }

    /** Scores and normalised CAMs of {@code samples}, in order; bad images stop the run or are skipped and counted. */
    public List<ScoredCam> cams(List<Sample> samples, int batchSize, CamTarget target, SkipReport skips,
            PrintStream console) throws IOException {
        List<ScoredCam> out = new ArrayList<>(samples.size());
        loaded.run(samples, batchSize, skips, "scoring", console, o -> {
            float[] scores = o.scores();
            float[][] maps = o.cams(target);
            for (int i = 0; i < scores.length; i++) {
                out.add(new ScoredCam(o.batch().samples().get(i), scores[i], maps[i]));
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
