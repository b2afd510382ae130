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
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One task: reads the partition's images (on the executor), decodes and preprocesses them exactly
 * as {@code cyborg score} does, and scores them in batches with the executor's copy of the model.
 * An image that cannot be read, decoded or scored becomes an error row; it never stops the task.
 */
final class PartitionScorer implements FlatMapFunction<Iterator<ImageRef>, ScoredImage> {
    private static final long serialVersionUID = 1L;
    private static final Object THREADS_LOCK = new Object();

    private final ModelSpec spec;
    private final ScoreSettings settings;
    private final LongAccumulator modelLoads;
    private final LongAccumulator modelLoadMillis;

    PartitionScorer(ModelSpec spec, ScoreSettings settings, LongAccumulator modelLoads, LongAccumulator modelLoadMillis) {
        this.spec = spec;
        this.settings = settings;
        this.modelLoads = modelLoads;
        this.modelLoadMillis = modelLoadMillis;
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

    @Override
    public Iterator<ScoredImage> call(Iterator<ImageRef> refs) throws Exception {
        // An executor JVM never runs the command line's main, which sets this: the natives come from
        // the application jar, and DJL must not try to download anything.
        System.getProperties().putIfAbsent("ai.djl.offline", "true");
        useThreads(settings.threads());
        List<ScoredImage> out = new ArrayList<>();
        if (!refs.hasNext()) {
            return out.iterator();
        }
        try (ModelPool.Lease lease = ModelPool.borrow(spec)) {
            if (lease.loadNanos() > 0) {
                modelLoads.add(1);
                modelLoadMillis.add(lease.loadNanos() / 1_000_000);
            }
            LoadedModel model = lease.model();
            try (ImageMeasurer measurer = settings.measures() ? new ImageMeasurer(model) : null) {
                scoreAll(refs, model, measurer, out);
            }
        }
        return out.iterator();
    }

    private void scoreAll(Iterator<ImageRef> refs, LoadedModel model, ImageMeasurer measurer, List<ScoredImage> out)
            throws IOException {
        Preprocessing pre = model.model().preprocessing();
        List<ImageRef> pending = new ArrayList<>(settings.batch());
        List<float[]> inputs = new ArrayList<>(settings.batch());
        List<RgbImage> images = new ArrayList<>(settings.batch());
        while (refs.hasNext()) {
            ImageRef ref = refs.next();
            RgbImage rgb = decode(ref, out);
            if (rgb == null) {
                continue;
            }
            pending.add(ref);
            inputs.add(pre.input(rgb));
            images.add(measurer == null ? null : rgb);
            if (pending.size() == settings.batch()) {
                score(model, measurer, pending, inputs, images, out);
            }
        }
        if (!pending.isEmpty()) {
            score(model, measurer, pending, inputs, images, out);
        }
    }

    /** The image's pixels, or null after adding its error row to {@code out}. */
    private static RgbImage decode(ImageRef ref, List<ScoredImage> out) {
        byte[] bytes;
        try {
            bytes = Locations.read(ref.path());
        } catch (IOException | RuntimeException e) {
            out.add(ScoredImage.failed(ref, e instanceof IOException io ? ErrorReason.ofRead(io) : ErrorReason.READ_ERROR,
                    ref.path() + ": " + describe(e)));
            return null;
        }
        try {
            return ImageFiles.decode(bytes, Locations.displayPath(ref.path()), PixelLimit.current()).rgb();
        } catch (ImageDecodeException e) {
            out.add(ScoredImage.failed(ref, ErrorReason.ofDecode(e), e.getMessage()));
            return null;
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Scores the pending batch into {@code out} and empties it. */
    private void score(LoadedModel model, ImageMeasurer measurer, List<ImageRef> pending, List<float[]> inputs,
            List<RgbImage> images, List<ScoredImage> out) throws IOException {
        int n = pending.size();
        int length = inputs.get(0).length;
        float[] flat = new float[n * length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(inputs.get(i), 0, flat, i * length, length);
        }
        int size = model.model().info().inputSize;
        // In-memory images: no samples, no labels (the label's CAM needs none), no human maps.
        Batch batch = new Batch(List.of(), flat, new long[n], new float[0], new float[0], null);
        model.run(batch, o -> {
            List<Prediction> predictions = o.predictions(settings.cams());
            for (int i = 0; i < n; i++) {
                ImageRef ref = pending.get(i);
                Prediction p = predictions.get(i);
                String why = p.notFinite(ref.path());
                if (why != null) {
                    out.add(ScoredImage.failed(ref, ErrorReason.SCORE_NOT_FINITE, why));
                    continue;
                }
                Double entropy = null;
                byte[] png = null;
                String camPath = null;
                if (p.cam() != null) {
                    entropy = ShannonEntropy.normalized(p.cam().gray().pixels());
                    byte[] bytes = p.cam().upsampled(size).grayPng();
                    if (settings.camDir() == null) {
                        png = bytes;
                    } else {
                        camPath = CamFiles.write(settings.camDir(), ref, bytes);
                    }
                }
                out.add(new ScoredImage(ref, p.score(), p.label().displayName(), entropy, png, camPath, null, null,
                        null));
            }
        });
        if (measurer != null) {
            int first = out.size() - n;
            for (int i = first; i < out.size(); i++) {
                ScoredImage s = out.get(i);
                if (s.ok()) {
                    Map<String, Double> m = measurer.measure(s.ref(), images.get(pending.indexOf(s.ref())));
                    out.set(i, new ScoredImage(s.ref(), s.score(), s.predicted(), s.camEntropy(), s.camPng(),
                            s.camPath(), m, null, null));
                }
            }
        }
        pending.clear();
        inputs.clear();
        images.clear();
    }
}
