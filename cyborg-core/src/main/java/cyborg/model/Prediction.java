package cyborg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import cyborg.data.Label;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a detector says about one image, decided in one place for every command (score, serve,
 * spark score, saliency, explain, the demo and the sweep):
 * <ul>
 *   <li>{@code label}: the class the model predicts, the argmax of the two logits with ties going
 *       to Real (equivalently softmax P(Synthetic) > 0.5); the class whose CAM the reference
 *       trains on and explains (reference sections 3 and 6);</li>
 *   <li>{@code score}: the reference's ranking score {@code sigmoid(logit[Synthetic])}, used for
 *       AUC and thresholds. It is not a probability of the label: when both logits are positive
 *       (or both negative) the score can be at least 0.5 while the label is Real (or below 0.5
 *       while the label is Synthetic);</li>
 *   <li>{@code cam}: the normalised CAM of the label's class, at the CAM layer's resolution (null
 *       when not asked for).</li>
 * </ul>
 *
 * @param realLogit logit of Real
 * @param syntheticLogit logit of Synthetic
 * @param score {@code sigmoid(syntheticLogit)}
 * @param label the predicted class
 * @param cam the label's normalised CAM, or null
 */
public record Prediction(float realLogit, float syntheticLogit, float score, Label label, CamMap cam) {
    /** What to check when a model's output is not finite: the cause is the model, not the image. */
    private static final String ADVICE = "check the model's normalisation (mean and std in model.json) and its"
            + " weights (NaN or infinite values: retrain or re-import)";

    /**
     * THE label rule, on a batch of logits (batch, 2): Synthetic (1) where its logit is strictly
     * greater than Real's, else Real (0), as int64 (batch). For finite logits this is PyTorch's
     * {@code argmax} (which takes the first of tied maxima, Real); a NaN logit gives Real.
     */
    public static NDArray classes(NDArray logits) {
        return logits.get(new NDIndex(":, 1")).gt(logits.get(new NDIndex(":, 0"))).toType(DataType.INT64, false);
    }

    /** The reference's score of each image of a batch of logits (batch, 2): {@code sigmoid(logit[Synthetic])}. */
    public static float[] scores(NDArray logits) {
        return logits.get(new NDIndex(":, 1")).getNDArrayInternal().sigmoid().toFloatArray();
    }

    /**
     * The predictions of a batch: the one factory.
     *
     * @param logits (batch, 2)
     * @param features the CAM layer's output (batch, channels, h, w); read only when {@code withCams}
     * @param classifierWeight the final layer's weights (2, channels); read only when {@code withCams}
     * @param withCams whether to form each image's CAM of its label's class
     */
    public static List<Prediction> of(NDArray logits, NDArray features, NDArray classifierWeight, boolean withCams) {
        NDArray classes = classes(logits);
        long[] cls = classes.toLongArray();
        float[] l = logits.toFloatArray();
        float[] scores = scores(logits);
        float[][] maps = null;
        int h = 0;
        int w = 0;
        if (withCams) {
            NDArray m = ClassActivationMaps.normalized(features, classifierWeight, classes);
            h = (int) m.getShape().get(1);
            w = (int) m.getShape().get(2);
            maps = ClassActivationMaps.perImage(m);
        }
        List<Prediction> out = new ArrayList<>(cls.length);
        for (int i = 0; i < cls.length; i++) {
            out.add(new Prediction(l[2 * i], l[2 * i + 1], scores[i], Label.values()[(int) cls[i]],
                    maps == null ? null : new CamMap(h, w, maps[i])));
        }
        return out;
    }

    /** The index of the label's class (0 Real, 1 Synthetic): the class {@link #cam()} shows. */
    public int labelIndex() {
        return label.index();
    }

    /** Whether the output can be used: score and both logits finite (a NaN logit makes the label meaningless). */
    public boolean isFinite() {
        return Float.isFinite(score) && Float.isFinite(realLogit) && Float.isFinite(syntheticLogit);
    }

    /**
     * Why the output of {@code image} cannot be used, naming the image and what to check; null
     * when {@link #isFinite()}.
     */
    public String notFinite(String image) {
        if (isFinite()) {
            return null;
        }
        String what = Float.isFinite(score) ? "logits (" + realLogit + ", " + syntheticLogit + ")"
                : "a score of " + score;
        return image + ": the model gave " + what + " for this image; " + ADVICE;
    }

    /** Refuses an output that is not finite (see {@link #notFinite}): nothing downstream could use it. */
    public void requireFinite(String image) throws IOException {
        String why = notFinite(image);
        if (why != null) {
            throw new IOException(why);
        }
    }

    /**
     * Refuses a NaN or infinite score read back or about to be written (a score file holds no
     * logits), with the same words as {@link #notFinite}.
     */
    public static void requireFinite(String image, double score) throws IOException {
        if (!Double.isFinite(score)) {
            throw new IOException(image + ": the model gave a score of " + score + " for this image; " + ADVICE);
        }
    }
}
