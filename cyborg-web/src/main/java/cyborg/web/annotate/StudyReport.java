package cyborg.web.annotate;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import cyborg.chart.Histogram;
import cyborg.chart.HistogramFigure;
import cyborg.data.Label;
import cyborg.image.ImageDecodeException;
import cyborg.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code annotate report}: a study summary a paper can cite, as {@value #MARKDOWN} (what was measured
 * and how) and {@value #JSON} (the same numbers), with the agreement histograms (PNG and SVG) and the
 * mean masks per class (PNG) beside them. Every number comes from {@link StudyStats}, {@link Agreement}
 * and {@link MeanMasks}; this class lays them out. Rejected annotations (newest review rejects them)
 * are left out of agreement and masks, as export leaves them out; they still count in the times,
 * accuracy and rejected share.
 */
public final class StudyReport {
    public static final String MARKDOWN = "report.md";
    public static final String JSON = "report.json";
    /** Per-image agreement goes to a CSV beside the Markdown when it has more rows than this. */
    static final int TABLE_ROWS = 40;
    static final int BINS = 10;
    private static final int FIGURE_WIDTH = 640;
    private static final int FIGURE_HEIGHT = 400;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).disableHtmlEscaping().create();

    /** What each number means; in both files, so the JSON is readable without the Markdown. */
    static final Map<String, String> DEFINITIONS = definitions();

    /** A histogram per class over the same bins. */
    public record Bins(double min, double max, List<Double> edges, Map<String, int[]> counts) {
    }

    /**
     * Agreement of the masks of each image with two or more (rejected ones left out).
     *
     * @param meanIou the mean over those images of their mean pairwise IoU
     * @param csv the per-image table's CSV beside the report, or null when the Markdown holds it
     */
    public record AgreementSection(int imagesWithTwoOrMoreMasks, Double meanIou, Double meanSsim, Bins iouHistogram,
            Bins ssimHistogram, List<Agreement.ImageAgreement> images, String csv) {
    }

    /** All of report.json; {@code humanMaps} null without a map folder. */
    public record Report(String database, String generated, String imagesRoot, int grid, int rejectedLeftOut,
            StudyStats.Study study, AgreementSection agreement, List<MeanMasks.ClassMasks> meanMasks,
            MapAgreement.Result humanMaps, List<String> figures, Map<String, String> definitions) {
    }

    private StudyReport() {
    }

    /**
     * Writes the report of {@code store} into {@code out} (created if missing); {@code root} is the data
     * root the images are under, or null to draw the masks alone; {@code grid} images per class.
     */
    public static Report write(AnnotationStore store, Path out, Path root, int grid) throws IOException {
        return write(store, out, root, grid, null);
    }

    /** As {@link #write(AnnotationStore, Path, Path, int)}, with the masks compared to the human maps in {@code maps}. */
    public static Report write(AnnotationStore store, Path out, Path root, int grid, Path maps) throws IOException {
        if (grid < 1) {
            throw new IllegalArgumentException("--grid must be at least 1 (images per class in the mean-mask grid),"
                    + " got " + grid);
        }
        if (root != null && !Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + ": no such folder; give the data root annotate was started"
                    + " with (--folder, or --images with --csv)");
        }
        List<StoredAnnotation> all = store.annotations();
        if (all.isEmpty()) {
            throw new IllegalArgumentException(store.file() + ": no annotations yet, so there is nothing to report;"
                    + " run 'cyborg annotate' (or 'annotate import') first, or check --db");
        }
        Map<Long, Review> reviews = store.reviews();
        StudyStats.Study study = StudyStats.of(all, store.skips(), reviews);
        List<StoredAnnotation> kept = StudyStats.withoutRejected(all, reviews);
        // read and checked before anything is written: a bad map folder or data root leaves no half report
        MapAgreement.Result humanMaps = maps == null ? null : MapAgreement.of(kept, store.images(), maps);
        if (root != null) {
            MeanMasks.checkImages(kept, root);
        }
        Files.createDirectories(out);
        List<String> figures = new ArrayList<>();
        AgreementSection agreement = agreement(kept, out, figures);
        List<MeanMasks.ClassMasks> masks = new ArrayList<>();
        for (Label label : List.of(Label.REAL, Label.SYNTHETIC)) {
            MeanMasks.ClassMasks m = MeanMasks.write(kept, label, grid, root, out);
            if (m != null) {
                masks.add(m);
                figures.add(m.gridFile());
                figures.add(m.meanFile());
            }
        }
        Report report = new Report(store.file().toString(), Instant.now().toString(),
                root == null ? null : root.toString(), grid, all.size() - kept.size(), study, agreement, masks, humanMaps,
                figures, DEFINITIONS);
        AtomicFiles.writeString(out.resolve(JSON), GSON.toJson(report) + "\n");
        AtomicFiles.writeString(out.resolve(MARKDOWN), ReportMarkdown.of(report));
        return report;
    }

    private static AgreementSection agreement(List<StoredAnnotation> kept, Path out, List<String> figures)
            throws IOException {
        List<Agreement.ImageAgreement> rows;
        try {
            rows = Agreement.perImage(kept).stream().filter(r -> r.masks() >= 2).toList();
        } catch (ImageDecodeException e) {
            throw new IOException("a stored mask cannot be read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            return new AgreementSection(0, null, null, null, null, rows, null);
        }
        Bins iou = histogram(rows, Agreement.ImageAgreement::iou, 0);
        double lowest = rows.stream().map(Agreement.ImageAgreement::ssim).filter(s -> s != null)
                .mapToDouble(Double::doubleValue).min().orElse(0);
        // SSIM can fall below 0 (masks that anti-correlate): widen the axis to the tenth below
        Bins ssim = histogram(rows, Agreement.ImageAgreement::ssim, Math.min(0, Math.floor(lowest * 10) / 10));
        figure(iou, "Agreement of masks per image", "mean pairwise IoU", out, "agreement-iou", figures);
        figure(ssim, "Agreement of masks per image", "mean pairwise SSIM", out, "agreement-ssim", figures);
        String csv = null;
        if (rows.size() > TABLE_ROWS) {
            csv = MapExport.REPORT;
            AtomicFiles.writeString(out.resolve(csv), MapExport.csv(rows));
        }
        return new AgreementSection(rows.size(), mean(rows, Agreement.ImageAgreement::iou),
                mean(rows, Agreement.ImageAgreement::ssim), iou, ssim, rows, csv);
    }

    private static Bins histogram(List<Agreement.ImageAgreement> rows, Function<Agreement.ImageAgreement, Double> value,
            double min) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Histogram any = null;
        for (Label label : List.of(Label.REAL, Label.SYNTHETIC)) {
            double[] values = rows.stream().filter(r -> r.label().equals(label.displayName())).map(value)
                    .filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
            any = Histogram.of(values, min, 1, BINS);
            counts.put(label.displayName(), any.counts());
        }
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i <= BINS; i++) {
            edges.add(any.edge(i));
        }
        return new Bins(min, 1, edges, counts);
    }

    private static void figure(Bins bins, String title, String x, Path out, String name, List<String> figures)
            throws IOException {
        HistogramFigure.Builder b = HistogramFigure.builder().title(title).xLabel(x).yLabel("images");
        bins.counts().forEach((label, counts) -> b.series(label, new Histogram(bins.min(), bins.max(), counts)));
        HistogramFigure f = b.build();
        f.writePng(out.resolve(name + ".png"), FIGURE_WIDTH, FIGURE_HEIGHT);
        f.writeSvg(out.resolve(name + ".svg"), FIGURE_WIDTH, FIGURE_HEIGHT);
        figures.add(name + ".png");
        figures.add(name + ".svg");
    }

    private static Double mean(List<Agreement.ImageAgreement> rows, Function<Agreement.ImageAgreement, Double> value) {
        double sum = 0;
        int n = 0;
        for (Agreement.ImageAgreement r : rows) {
            Double v = value.apply(r);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("annotations", "saved answers: work (the study's tasks), gold (pairs whose answer a lead trusts; annotators"
                + " are not told which) and imported (masks from another tool, with no decision or times)");
        d.put("skips", "tasks an annotator skipped as 'cannot decide'; not annotations");
        d.put("time_per_annotation", "ms_decide (from the task shown to the decision) plus ms_paint (painting), as"
                + " the page measured them, over the annotations that recorded both");
        d.put("median_and_quartiles", "linear interpolation between order statistics (R type 7, numpy's default)");
        d.put("per_active_hour", "timed annotations divided by the sum of their decide and paint times: pauses"
                + " between tasks do not count");
        d.put("per_span_hour", "saves after the first divided by the hours from the first save to the last"
                + " (pauses included; imports not counted)");
        d.put("accuracy", "share of correct decisions on work tasks (pair mode: the synthetic image picked; single"
                + " mode: real or synthetic named rightly; 'unsure' not counted)");
        d.put("gold_accuracy", "the same on gold tasks");
        d.put("rejected_share", "share of the reviewed annotations whose newest review rejects them");
        d.put("agreement", "per image with two or more masks: the mean over every pair of its masks of their IoU"
                + " (intersection over union of the marked pixels; two empty masks agree fully) and of their SSIM"
                + " (0/255 maps, scikit-image's defaults: 7x7 window; none under 7x7); rejected annotations left out");
        d.put("mean_mask", "per image the share of its masks marking each pixel; the class mean averages those of"
                + " every masked image of the class, each resized (bilinear) to the class's commonest image size and"
                + " weighing the same, drawn with its largest share (mean_peak) at full heat; rejected annotations"
                + " left out");
        d.put("human_maps", "with a map folder (as 'cyborg train --maps' reads it): per mask the mean IoU against"
                + " each human map of its image (maps marked at 128 or more, resampled to the mask's size by the"
                + " nearest pixel), averaged per annotator; rejected annotations left out");
        d.put("grid", "the class's images with the most masks (ties by database id), drawn with their mean mask in"
                + " jet colours, more opaque where more masks agree");
        return d;
    }

    static String fixed(Double v, int digits) {
        return v == null ? "–" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
