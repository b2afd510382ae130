package cyborg.score;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.data.Augmentation;
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
        int size = model.info().inputSize;
        int[] cam = model.info().camSize;
        SampleLoader loader = new SampleLoader(model.preprocessing(), cam[0], cam[1], MapIndex.empty(), false);
        int threads = Runtime.getRuntime().availableProcessors();
        // Images are checked as they stream through the batches: one decode per image.
        List<Sample> usable = samples;
        int[] order = new int[usable.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<Score> out = new ArrayList<>(usable.size());
        try (BatchLoader batches = new BatchLoader(loader, threads, cam[0] * cam[1], skips);
                ProgressBar bar = new ProgressBar("scoring", usable.size(), "img", console)) {
            Iterator<Batch> it = batches.batches(usable, order, batchSize, pos -> Augmentation.Params.IDENTITY, false);
            int position = 0;
            while (it.hasNext()) {
                Batch b = it.next();
                int consumed = Math.min(batchSize, order.length - position);
                position += consumed;
                if (b.size() == 0) {
                    bar.step(consumed, null);
                    continue;
                }
                try (NDManager bm = manager.newSubManager()) {
                    CamOutput o = model.network().forward(bm.create(b.images(), new Shape(b.size(), 3, size, size)));
                    float[] scores = Scores.synthetic(o.logits());
                    for (int i = 0; i < b.size(); i++) {
                        out.add(new Score(b.samples().get(i).key(), scores[i]));
                    }
                    if (cams != null) {
                        writeCams(cams, b, o, camClass, bm);
                    }
                }
                bar.step(consumed, null); // skipped images count as done
            }
        }
        return out;
    }

    private void writeCams(CamWriter cams, Batch b, CamOutput o, CamClass camClass, NDManager bm) throws IOException {
        NDArray classes = camClass == CamClass.TRUE ? bm.create(b.labels()) : o.logits().argMax(1);
        NDArray maps = ClassActivationMaps.normalized(o.features(), model.network().classifierWeight(), classes);
        long[] shape = maps.getShape().getShape();
        int h = (int) shape[1];
        int w = (int) shape[2];
        float[] all = maps.toFloatArray();
        for (int i = 0; i < b.size(); i++) {
            float[] one = new float[h * w];
            System.arraycopy(all, i * h * w, one, 0, h * w);
            cams.write(b.samples().get(i), one, h, w);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
