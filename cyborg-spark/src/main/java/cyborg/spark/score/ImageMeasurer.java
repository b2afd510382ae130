package cyborg.spark.score;

import ai.djl.ndarray.NDManager;
import cyborg.data.Label;
import cyborg.data.Origin;
import cyborg.data.Sample;
import cyborg.explain.Explainer;
import cyborg.explain.ImageMeasures;
import cyborg.explain.SaltPepper;
import cyborg.image.RgbImage;
import cyborg.model.ComputeDevice;
import cyborg.model.LoadedModel;
import cyborg.saliency.SaliencyMethod;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Explain-to-Me measures of one image, as {@code cyborg explain} computes them with its defaults
 * (Grad-CAM, 10 deletion/insertion steps, the reference shift, noise seed 1), flattened to columns.
 * The measures of one image take about 30 forward passes and a backward one.
 */
final class ImageMeasurer implements AutoCloseable {
    /** {@code cyborg explain}'s defaults. */
    static final String METHOD = "gradcam";
    static final int CURVE_STEPS = 10;
    static final long SEED = 1;

    /**
     * PyTorch (through DJL) allows one gradient collector per process at a time, and Grad-CAM needs
     * one: the tasks of one executor JVM measure one image at a time (scoring stays parallel).
     */
    private static final Object GRADIENTS = new Object();

    private final NDManager manager;
    private final Explainer explainer;

    ImageMeasurer(LoadedModel model) {
        this.manager = ComputeDevice.CPU.newManager();
        this.explainer = new Explainer(model.model(), manager, SaliencyMethod.of(METHOD),
                Explainer.referenceShift(model.model().info().inputSize), CURVE_STEPS, SEED);
    }

    /** The measures of {@code image} by column name, in a fixed order. */
    Map<String, Double> measure(ImageRef ref, RgbImage image) throws IOException {
        java.nio.file.Path name = Locations.displayPath(ref.path());
        Label label = ref.label() == null ? Label.REAL : Label.parse(ref.label()).orElse(Label.REAL); // not output
        Sample sample = new Sample(ref.path(), name, label, ref.source(), "test", new Origin(name, 0));
        synchronized (GRADIENTS) {
            return columns(explainer.measure(sample, image));
        }
    }

    /** The columns of one image's measures (their names are {@link #columnNames()}). */
    static Map<String, Double> columns(ImageMeasures m) {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put("entropy", m.entropy);
        c.put("spatial_entropy", m.spatialEntropy);
        double[] amounts = SaltPepper.REFERENCE_AMOUNTS;
        for (int i = 0; i < amounts.length; i++) {
            String pct = percent(amounts[i]);
            c.put("noise_score_" + pct, m.noiseScore[i]);
            c.put("noise_ssim_" + pct, m.noiseSsim[i]);
        }
        m.equivarianceSsim.forEach((t, v) -> c.put("equivariance_ssim_" + column(t), v));
        c.put("background_score_change", m.backgroundScoreChange);
        c.put("background_ssim", m.backgroundSsim);
        c.put("object_score_change", m.objectScoreChange);
        c.put("object_ssim", m.objectSsim);
        c.put("deletion_auc", m.deletionAuc);
        c.put("insertion_auc", m.insertionAuc);
        return c;
    }

    /** The measure columns of {@code model}, in the order {@link #measure} gives them. */
    static java.util.List<String> columnNames(LoadedModel model) {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("entropy", "spatial_entropy"));
        for (double a : SaltPepper.REFERENCE_AMOUNTS) {
            names.add("noise_score_" + percent(a));
            names.add("noise_ssim_" + percent(a));
        }
        for (cyborg.explain.GeometricTransform t
                : cyborg.explain.GeometricTransform.reference(Explainer.referenceShift(model.model().info().inputSize))) {
            names.add("equivariance_ssim_" + column(t.name()));
        }
        names.addAll(java.util.List.of("background_score_change", "background_ssim", "object_score_change",
                "object_ssim", "deletion_auc", "insertion_auc"));
        return names;
    }

    /** Noise amounts as whole percents: 0.05 -> "5pct". */
    private static String percent(double amount) {
        return Math.round(amount * 100) + "pct";
    }

    /** A transform's name as a column: flip-lr -> flip_lr, shift+2-2 -> shift_p2_m2. */
    static String column(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\+(\\d)", "_p$1").replaceAll("-(\\d)", "_m$1")
                .replaceAll("[^a-z0-9]+", "_");
    }

    @Override
    public void close() {
        manager.close();
    }
}
