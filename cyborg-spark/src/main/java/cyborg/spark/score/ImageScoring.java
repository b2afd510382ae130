package cyborg.spark.score;

import cyborg.data.Batch;
import cyborg.data.Preprocessing;
import cyborg.explain.ShannonEntropy;
import cyborg.image.ImageDecodeException;
import cyborg.image.ImageFiles;
import cyborg.image.PixelLimit;
import cyborg.image.RgbImage;
import cyborg.model.EngineThreads;
import cyborg.model.LoadedModel;
import cyborg.model.Prediction;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Scoring in a task, the one implementation behind {@code spark score}'s tasks
 * ({@link PartitionScorer}) and the DataFrame API ({@code cyborg.spark.ml}): decodes image bytes
 * and preprocesses them exactly as {@code cyborg score} does, and scores them in batches with a
 * model borrowed from this JVM's {@link ModelPool} for as long as this is open. Every failure of
 * one image is an {@link Outcome} with a reason of {@link ErrorReason}, never an exception.
 */
public final class ImageScoring implements AutoCloseable {
    private static final Object THREADS_LOCK = new Object();

    private final ModelPool.Lease lease;
    private final boolean cams;
    private final Preprocessing pre;
    private final int size;
    private boolean closed;

    private ImageScoring(ModelPool.Lease lease, boolean cams) {
        this.lease = lease;
        this.cams = cams;
        this.pre = lease.model().model().preprocessing();
        this.size = lease.model().model().info().inputSize;
    }

    /**
     * What scoring made of one image: its score and predicted class (with the CAM and its entropy
     * when asked), or why it was not scored. Exactly one of {@code score} and {@code errorReason} is set.
     *
     * @param score {@code sigmoid(logit[Synthetic])}, as {@code cyborg score} computes it
     * @param predicted the predicted class ({@code Real} or {@code Synthetic}), by {@link Prediction}'s rule
     * @param camEntropy normalised Shannon entropy of the CAM at the CAM layer's resolution, or null
     * @param camPng the CAM at the model's input size as an 8-bit grayscale PNG, or null
     * @param errorReason why it was not scored (an {@link ErrorReason} name), else null
     * @param errorMessage what went wrong, naming the image, else null
     */
    public record Outcome(Float score, String predicted, Double camEntropy, byte[] camPng, String errorReason,
            String errorMessage) implements Serializable {
        static Outcome failed(String reason, String message) {
            return new Outcome(null, null, null, null, reason, message);
        }

        public boolean ok() {
            return errorReason == null;
        }
    }

    /** An image's pixels, or why it has none. */
    public record Decoded(RgbImage rgb, Outcome failure) {}

    /**
     * Borrows {@code spec}'s model for this task. On an executor nothing has set up the process as the
     * command line's main does, so this does it: DJL offline (the natives come from the application
     * jar) and PyTorch's threads ({@code threads}; 0 leaves them).
     */
    public static ImageScoring open(ModelSpec spec, int threads, boolean cams) throws IOException {
        System.getProperties().putIfAbsent("ai.djl.offline", "true");
        useThreads(threads);
        return new ImageScoring(ModelPool.borrow(spec), cams);
    }

    /** Sets PyTorch's threads once per JVM (it is one setting per process). */
    static void useThreads(int threads) {
        if (threads <= 0) {
            return;
        }
        synchronized (THREADS_LOCK) {
            // compared with the engine, not remembered: a local job gives the JVM its count back after
            if (EngineThreads.get() != threads) {
                EngineThreads.set(threads);
            }
        }
    }

    /** How long borrowing spent loading the model (0 when an idle instance was reused). */
    public long loadNanos() {
        return lease.loadNanos();
    }

    public LoadedModel model() {
        return lease.model();
    }

    /**
     * Decodes an image's bytes as {@code cyborg score} does ({@code CYBORG_MAX_IMAGE_PIXELS} applies).
     *
     * @param name what errors call the image (its path)
     * @param bytes the encoded image; null is a failure too (a null cell of a DataFrame)
     */
    public static Decoded decode(String name, byte[] bytes) {
        if (bytes == null) {
            return new Decoded(null, Outcome.failed(ErrorReason.BAD_IMAGE, name + ": no image bytes (null)"));
        }
        try {
            return new Decoded(ImageFiles.decode(bytes, displayPath(name), PixelLimit.current()).rgb(), null);
        } catch (ImageDecodeException e) {
            return new Decoded(null, Outcome.failed(ErrorReason.ofDecode(e), e.getMessage()));
        }
    }

    /** The decoder's name for an image: its path, or the name as one file's name when it is no path. */
    private static java.nio.file.Path displayPath(String name) {
        try {
            return Locations.displayPath(name);
        } catch (IllegalArgumentException e) { // a DataFrame's names need not be paths nor URIs
            return java.nio.file.Path.of(name.replaceAll("[/\\\\:\\u0000]", "_"));
        }
    }

    /** The network's input for an image, as {@code cyborg score} preprocesses it. */
    public float[] input(RgbImage rgb) {
        return pre.input(rgb);
    }

    /**
     * Scores one batch in one forward pass.
     *
     * @param names what errors call each image
     * @param inputs each image's {@link #input}
     * @return an outcome per image, in order (a non-finite score is a failure)
     */
    public List<Outcome> score(List<String> names, List<float[]> inputs) throws IOException {
        int n = inputs.size();
        List<Outcome> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        int length = inputs.get(0).length;
        float[] flat = new float[n * length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(inputs.get(i), 0, flat, i * length, length);
        }
        // In-memory images: no samples, no labels (the label's CAM needs none), no human maps.
        Batch batch = new Batch(List.of(), flat, new long[n], new float[0], new float[0], null);
        lease.model().run(batch, o -> {
            List<Prediction> predictions = o.predictions(cams);
            for (int i = 0; i < n; i++) {
                Prediction p = predictions.get(i);
                String why = p.notFinite(names.get(i));
                if (why != null) {
                    out.add(Outcome.failed(ErrorReason.SCORE_NOT_FINITE, why));
                    continue;
                }
                Double entropy = null;
                byte[] png = null;
                if (p.cam() != null) {
                    entropy = ShannonEntropy.normalized(p.cam().gray().pixels());
                    png = p.cam().upsampled(size).grayPng();
                }
                out.add(new Outcome(p.score(), p.label().displayName(), entropy, png, null, null));
            }
        });
        return out;
    }

    /** Gives the model back to the pool (once; later calls do nothing). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            lease.close();
        }
    }
}
