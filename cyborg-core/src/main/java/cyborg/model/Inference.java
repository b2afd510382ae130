package cyborg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import cyborg.data.Batch;
import cyborg.data.BatchLoader;
import cyborg.data.MapIndex;
import cyborg.data.Preprocessing;
import cyborg.data.Sample;
import cyborg.data.SampleLoader;
import cyborg.data.SkipReport;
import cyborg.util.GracefulStop;
import cyborg.util.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;

/**
 * The one inference path: images in batches through a network in inference mode, to logits, the
 * detector's score and per-image maps. Scoring, validation during training, saliency and explain
 * all run on it, so a model scores an image the same way wherever it is used.
 */
public final class Inference {
    private final CamNetwork net;
    private final Preprocessing preprocessing;
    private final int[] camSize;

    /**
     * @param net the network
     * @param preprocessing how images become its input (size, mean, std)
     * @param camSize the CAM layer's {rows, columns} at that size
     */
    public Inference(CamNetwork net, Preprocessing preprocessing, int[] camSize) {
        this.net = net;
        this.preprocessing = preprocessing;
        this.camSize = camSize.clone();
    }

    /** The inference path of a saved model. */
    public static Inference of(SavedModel model) {
        return new Inference(model.network(), model.preprocessing(), model.info().camSize);
    }

    /** What to do with each batch's outputs; arrays made in {@link Outputs#manager()} are freed after. */
    @FunctionalInterface
    public interface Sink {
        void accept(Outputs outputs) throws IOException;
    }

    /**
     * Streams {@code samples} through the network in batches, decoding in parallel, and hands each
     * batch's outputs to {@code sink}, in order. Bad images stop the run or are skipped and
     * counted, as {@code skips} says.
     *
     * @param task the progress bar's label (e.g. "scoring")
     * @param console progress (null: silent)
     */
    public void run(List<Sample> samples, int batchSize, SkipReport skips, String task, PrintStream console,
            NDManager manager, Sink sink) throws IOException {
        SampleLoader loader = new SampleLoader(preprocessing, camSize[0], camSize[1], MapIndex.Assignment.none(), false);
        int threads = Runtime.getRuntime().availableProcessors();
        long waiting = 0;
        long working = 0;
        // images are checked as they stream through the batches: one decode per image
        try (BatchLoader batches = new BatchLoader(loader, threads, camSize[0] * camSize[1], skips);
                ProgressBar bar = new ProgressBar(task, samples.size(), "img", console)) {
            Iterator<Batch> it = batches.plainBatches(samples, batchSize);
            int position = 0;
            while (true) {
                long t0 = System.nanoTime();
                if (!it.hasNext()) {
                    break;
                }
                GracefulStop.checkpoint();
                Batch b = it.next();
                long t1 = System.nanoTime();
                run(b, manager, sink);
                waiting += t1 - t0;
                working += System.nanoTime() - t1;
                int consumed = Math.min(batchSize, samples.size() - position);
                position += consumed;
                bar.step(consumed, null); // skipped images count as done
            }
        }
        if (console != null && !samples.isEmpty()) {
            // decoding runs one batch ahead: time spent waiting for it is time decoding bounded the run
            console.printf(java.util.Locale.ROOT, "%s: network and outputs %.1f s, waiting for decoded images %.1f s%n",
                    task, working / 1e9, waiting / 1e9);
        }
    }

    /** Runs batches that are already loaded (e.g. by the trainer's cached loader). */
    public void run(Iterator<Batch> batches, NDManager manager, Sink sink) throws IOException {
        while (batches.hasNext()) {
            GracefulStop.checkpoint();
            run(batches.next(), manager, sink);
        }
    }

    /**
     * Runs one batch of normalised images ({@code images} is (n, 3, size, size) flat, as
     * {@link Batch#images()}); {@code samples} and {@code labels} may be empty lists / arrays
     * for in-memory images.
     */
    public void run(Batch batch, NDManager manager, Sink sink) throws IOException {
        if (batch.size() == 0 && batch.images().length == 0) {
            return; // every image of the batch was skipped
        }
        int n = batch.images().length / (3 * preprocessing.size() * preprocessing.size());
        net.module().setTraining(false);
        try (NDManager bm = manager.newSubManager()) {
            NDArray x = bm.create(batch.images(), new Shape(n, 3, preprocessing.size(), preprocessing.size()));
            CamSplit split = net.forwardToCam(x);
            sink.accept(new Outputs(batch, x, split, net.head(split.features(), split), bm));
        }
    }

    /** The network's outputs for one batch, with the maps and scores derived from them. */
    public final class Outputs {
        private final Batch batch;
        private final NDArray input;
        private final CamSplit split;
        private final NDArray logits;
        private final NDManager manager;

        private Outputs(Batch batch, NDArray input, CamSplit split, NDArray logits, NDManager manager) {
            this.batch = batch;
            this.input = input;
            this.split = split;
            this.logits = logits;
            this.manager = manager;
        }

        /** The batch: its samples (empty for in-memory images) and labels. */
        public Batch batch() {
            return batch;
        }

        /** How many images. */
        public int size() {
            return (int) logits.getShape().get(0);
        }

        /** The normalised input (n, 3, size, size). */
        public NDArray input() {
            return input;
        }

        /** The forward pass up to the CAM layer, for methods that continue from the features. */
        public CamSplit split() {
            return split;
        }

        /** Logits (n, classes). */
        public NDArray logits() {
            return logits;
        }

        /** The batch's scratch manager: arrays made in it are freed after the sink returns. */
        public NDManager manager() {
            return manager;
        }

        /** The network. */
        public CamNetwork network() {
            return net;
        }

        /** The detector's score of each image ({@link Prediction#scores}). */
        public float[] scores() {
            return Prediction.scores(logits);
        }

        /** The predicted class of each image ({@link Prediction#classes}). */
        public long[] predicted() {
            return Prediction.classes(logits).toLongArray();
        }

        /** Each image's {@link Prediction}, with the CAM of its label's class when {@code withCams}. */
        public List<Prediction> predictions(boolean withCams) {
            return Prediction.of(logits, split.features(), net.classifierWeight(), withCams);
        }

        /** The class of each image under {@code target} (int64, n); labels come from the batch. */
        public NDArray classes(CamTarget target) {
            return target.classes(logits, labels());
        }

        /** Each image's normalised CAM for {@code target}, row-major at the CAM layer's resolution. */
        public float[][] cams(CamTarget target) {
            return ClassActivationMaps.perImage(
                    target.normalizedCam(split.features(), net.classifierWeight(), logits, labels()));
        }

        private NDArray labels() {
            return manager.create(batch.labels());
        }
    }
}
