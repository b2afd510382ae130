package cyborg.score;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.data.Batch;
import cyborg.data.BatchLoader;
import cyborg.data.MapIndex;
import cyborg.data.Sample;
import cyborg.data.SampleLoader;
import cyborg.data.SkipReport;
import cyborg.loss.CamClass;
import cyborg.model.CamOutput;
import cyborg.model.ClassActivationMaps;
import cyborg.model.SavedModel;
import cyborg.train.Scores;
import cyborg.util.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Scores images with a saved model, in batches, optionally writing each image's CAM. */
public final class Scorer implements AutoCloseable {
    private final NDManager manager;
    private final SavedModel model;

    private Scorer(NDManager manager, SavedModel model) {
        this.manager = manager;
        this.model = model;
    }

    /** Loads a PyTorch or safetensors weight file for {@code arch} (see {@link SavedModel#fromWeights}). */
    public static Scorer open(Path weights, cyborg.model.Architecture arch, boolean strict) throws IOException {
        NDManager manager = NDManager.newBaseManager();
        try {
            return new Scorer(manager, SavedModel.fromWeights(weights, arch, manager, strict));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Loads the model at {@code location} (a model folder or its safetensors file). */
    public static Scorer open(Path location) throws IOException {
        NDManager manager = NDManager.newBaseManager();
        try {
            return new Scorer(manager, SavedModel.load(location, manager));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The loaded model. */
    public SavedModel model() {
        return model;
    }

    /**
     * Scores {@code samples} in order.
     *
     * @param batchSize images per forward pass
     * @param cams where to write CAM images (null: none)
     * @param camClass which class's CAM to write
     * @param skips bad images stop the run or are skipped and counted
     * @param console progress (null: silent)
     */
    public List<Score> score(List<Sample> samples, int batchSize, CamWriter cams, CamClass camClass,
            SkipReport skips, PrintStream console) throws IOException {
        List<Score> out = new ArrayList<>(samples.size());
        run(samples, batchSize, skips, console, (b, o, bm) -> {
            float[] scores = Scores.synthetic(o.logits());
            for (int i = 0; i < b.size(); i++) {
                out.add(new Score(b.samples().get(i).key(), scores[i]));
            }
            if (cams != null) {
                float[][] maps = normalizedCams(b, o, camClass, bm);
                int[] hw = model.info().camSize;
                for (int i = 0; i < b.size(); i++) {
                    cams.write(b.samples().get(i), maps[i], hw[0], hw[1]);
                }
            }
        });
        return out;
    }

    /** A scored image with its normalised CAM (h x w, row-major). */
    public record ScoredCam(Sample sample, double score, float[] cam) {}

    /** Scores and normalised CAMs of {@code samples}, in order; bad images stop the run. */
    public List<ScoredCam> cams(List<Sample> samples, int batchSize, CamClass camClass, PrintStream console)
            throws IOException {
        List<ScoredCam> out = new ArrayList<>(samples.size());
        run(samples, batchSize, SkipReport.failFast(), console, (b, o, bm) -> {
            float[] scores = Scores.synthetic(o.logits());
            float[][] maps = normalizedCams(b, o, camClass, bm);
            for (int i = 0; i < b.size(); i++) {
                out.add(new ScoredCam(b.samples().get(i), scores[i], maps[i]));
            }
        });
        return out;
    }

    /** What to do with each batch's output. */
    @FunctionalInterface
    private interface BatchConsumer {
        void accept(Batch batch, CamOutput output, NDManager batchManager) throws IOException;
    }

    /** What to do with each batch's normalised input; arrays made in {@code batchManager} are freed after. */
    @FunctionalInterface
    public interface BatchVisitor {
        void visit(Batch batch, NDArray input, NDManager batchManager) throws IOException;
    }

    private void run(List<Sample> samples, int batchSize, SkipReport skips, PrintStream console, BatchConsumer consumer)
            throws IOException {
        forEachBatch(samples, batchSize, skips, console,
                (b, x, bm) -> consumer.accept(b, model.network().forward(x), bm));
    }

    /**
     * Streams {@code samples} through the model's preprocessing in batches, decoding in parallel,
     * and hands each batch's input to {@code visitor}. Bad images stop the run or are skipped
     * and counted, as {@code skips} says.
     */
    public void forEachBatch(List<Sample> samples, int batchSize, SkipReport skips, PrintStream console,
            BatchVisitor visitor) throws IOException {
        int size = model.info().inputSize;
        int[] cam = model.info().camSize;
        SampleLoader loader = new SampleLoader(model.preprocessing(), cam[0], cam[1], MapIndex.empty(), false);
        int threads = Runtime.getRuntime().availableProcessors();
        // Images are checked as they stream through the batches: one decode per image.
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        try (BatchLoader batches = new BatchLoader(loader, threads, cam[0] * cam[1], skips);
                ProgressBar bar = new ProgressBar("scoring", samples.size(), "img", console)) {
            Iterator<Batch> it = batches.plainBatches(samples, order, batchSize);
            int position = 0;
            while (it.hasNext()) {
                Batch b = it.next();
                int consumed = Math.min(batchSize, order.length - position);
                position += consumed;
                if (b.size() > 0) {
                    try (NDManager bm = manager.newSubManager()) {
                        visitor.visit(b, bm.create(b.images(), new Shape(b.size(), 3, size, size)), bm);
                    }
                }
                bar.step(consumed, null); // skipped images count as done
            }
        }
    }

    private float[][] normalizedCams(Batch b, CamOutput o, CamClass camClass, NDManager bm) {
        NDArray weight = model.network().classifierWeight();
        if (camClass == CamClass.CONTRAST) {
            return ClassActivationMaps.perImage(cyborg.loss.ContrastiveCam.normalized(o.features(), weight));
        }
        NDArray classes = camClass == CamClass.TRUE ? bm.create(b.labels()) : o.logits().argMax(1);
        return ClassActivationMaps.perImage(ClassActivationMaps.normalized(o.features(), weight, classes));
    }

    @Override
    public void close() {
        manager.close();
    }
}
