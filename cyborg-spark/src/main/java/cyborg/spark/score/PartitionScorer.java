package cyborg.spark.score;

import cyborg.image.RgbImage;
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

    private final ModelSpec spec;
    private final ScoreSettings settings;
    private final LongAccumulator modelLoads;
    private final LongAccumulator modelLoadMillis;
    private final StageTimes times;

    PartitionScorer(ModelSpec spec, ScoreSettings settings, LongAccumulator modelLoads, LongAccumulator modelLoadMillis,
            StageTimes times) {
        this.spec = spec;
        this.settings = settings;
        this.modelLoads = modelLoads;
        this.modelLoadMillis = modelLoadMillis;
        this.times = times;
    }

    @Override
    public Iterator<ScoredImage> call(Iterator<ImageRef> refs) throws Exception {
        List<ScoredImage> out = new ArrayList<>();
        if (!refs.hasNext()) {
            return out.iterator();
        }
        try (ImageScoring scoring = ImageScoring.open(spec, settings.threads(), settings.cams())) {
            if (scoring.loadNanos() > 0) {
                modelLoads.add(1);
                modelLoadMillis.add(scoring.loadNanos() / 1_000_000);
            }
            StageTimes.Clock clock = new StageTimes.Clock();
            try (ImageMeasurer measurer = settings.measures() ? new ImageMeasurer(scoring.model()) : null) {
                scoreAll(refs, scoring, measurer, out, clock);
            }
            clock.addTo(times);
        }
        return out.iterator();
    }

    private void scoreAll(Iterator<ImageRef> refs, ImageScoring scoring, ImageMeasurer measurer, List<ScoredImage> out,
            StageTimes.Clock clock) throws IOException {
        List<ImageRef> pending = new ArrayList<>(settings.batch());
        List<float[]> inputs = new ArrayList<>(settings.batch());
        List<RgbImage> images = new ArrayList<>(settings.batch());
        while (refs.hasNext()) {
            ImageRef ref = refs.next();
            RgbImage rgb = decode(ref, out, clock);
            if (rgb == null) {
                continue;
            }
            long t = System.nanoTime();
            pending.add(ref);
            inputs.add(scoring.input(rgb));
            images.add(measurer == null ? null : rgb);
            clock.decode += System.nanoTime() - t;
            if (pending.size() == settings.batch()) {
                score(scoring, measurer, pending, inputs, images, out, clock);
            }
        }
        if (!pending.isEmpty()) {
            score(scoring, measurer, pending, inputs, images, out, clock);
        }
    }

    /** The image's pixels, or null after adding its error row to {@code out}. */
    private static RgbImage decode(ImageRef ref, List<ScoredImage> out, StageTimes.Clock clock) {
        byte[] bytes;
        long t = System.nanoTime();
        try {
            bytes = Locations.read(ref.path());
        } catch (IOException | RuntimeException e) {
            out.add(ScoredImage.failed(ref, e instanceof IOException io ? ErrorReason.ofRead(io) : ErrorReason.READ_ERROR,
                    ref.path() + ": " + describe(e)));
            return null;
        } finally {
            clock.read += System.nanoTime() - t;
        }
        t = System.nanoTime();
        ImageScoring.Decoded decoded = ImageScoring.decode(ref.path(), bytes);
        clock.decode += System.nanoTime() - t;
        if (decoded.failure() != null) {
            out.add(ScoredImage.of(ref, decoded.failure()));
        }
        return decoded.rgb();
    }

    private static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Scores the pending batch into {@code out} and empties it. */
    private void score(ImageScoring scoring, ImageMeasurer measurer, List<ImageRef> pending, List<float[]> inputs,
            List<RgbImage> images, List<ScoredImage> out, StageTimes.Clock clock) throws IOException {
        long t = System.nanoTime();
        List<ImageScoring.Outcome> outcomes = scoring.score(pending.stream().map(ImageRef::path).toList(), inputs);
        clock.forward += System.nanoTime() - t;
        for (int i = 0; i < pending.size(); i++) {
            ImageRef ref = pending.get(i);
            ImageScoring.Outcome o = outcomes.get(i);
            if (!o.ok()) {
                out.add(ScoredImage.of(ref, o));
                continue;
            }
            byte[] png = o.camPng();
            String camPath = null;
            if (png != null && settings.camDir() != null) {
                camPath = CamFiles.write(settings.camDir(), ref, png);
                png = null;
            }
            Map<String, Double> measures = measurer == null ? null : measurer.measure(ref, images.get(i));
            out.add(new ScoredImage(ref, o.score(), o.predicted(), o.camEntropy(), png, camPath, measures, null, null));
        }
        pending.clear();
        inputs.clear();
        images.clear();
    }
}
