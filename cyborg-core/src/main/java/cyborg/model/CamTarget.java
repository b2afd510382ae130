package cyborg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whose class activation map to form: the one rule, used by the loss terms, scoring, saliency and
 * explain alike. A class target picks one class per image and gives the reference's min-max
 * normalised CAM of that class; {@link #CONTRAST} gives the map of the logit difference
 * ({@link ContrastiveCam}), which belongs to no single class.
 */
public enum CamTarget {
    /** The predicted class ({@link Prediction#classes}: the argmax of the logits), as the CYBORG reference does. */
    PREDICTED("the predicted class (argmax of the logits), as the CYBORG reference does"),
    /** The true label, as later work of the same group does. */
    TRUE("the true label"),
    /** Always Real (class 0). */
    REAL("always Real"),
    /** Always Synthetic (class 1). */
    SYNTHETIC("always Synthetic"),
    /** The map of the logit difference Synthetic minus Real, by magnitude. */
    CONTRAST("the map of the logit difference (W[Synthetic] - W[Real]) . F, by magnitude: evidence of"
            + " either class");

    private final String what;

    CamTarget(String what) {
        this.what = what;
    }

    /** The name on the command line and in model.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the target means, for help texts. */
    public String what() {
        return what;
    }

    /** Whether the target is one class per image (every target but {@link #CONTRAST}). */
    public boolean isClass() {
        return this != CONTRAST;
    }

    /**
     * The class of each image (int64, batch), in the logits' manager.
     *
     * @param logits (batch, classes)
     * @param labels int64 (batch) true labels; needed only by {@link #TRUE}
     */
    public NDArray classes(NDArray logits, NDArray labels) {
        Shape batch = new Shape(logits.getShape().get(0));
        return switch (this) {
            case PREDICTED -> Prediction.classes(logits);
            case TRUE -> labels;
            case REAL -> logits.getManager().zeros(batch, DataType.INT64);
            case SYNTHETIC -> logits.getManager().ones(batch, DataType.INT64);
            case CONTRAST -> throw new IllegalArgumentException(
                    "the contrastive CAM belongs to no single class; choose one of " + classChoices());
        };
    }

    /**
     * The normalised maps (batch, h, w) in [0, 1] the losses compare with human saliency and the
     * scorer writes. Differentiable in the features and the classifier weights.
     *
     * @param features CAM-layer features (batch, channels, h, w)
     * @param weight classifier weights (classes, channels)
     * @param logits (batch, classes)
     * @param labels int64 (batch) true labels; needed only by {@link #TRUE}
     */
    public NDArray normalizedCam(NDArray features, NDArray weight, NDArray logits, NDArray labels) {
        return this == CONTRAST ? ContrastiveCam.normalized(features, weight)
                : ClassActivationMaps.normalized(features, weight, classes(logits, labels));
    }

    /** Looks a target up by its id, case-insensitively; the error lists the choices. */
    public static CamTarget of(String id) {
        for (CamTarget t : values()) {
            if (t.id().equalsIgnoreCase(id.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown CAM target '" + id + "'; choose " + choices());
    }

    /** Every id, for help texts and errors: "predicted, true, real, synthetic or contrast". */
    public static String choices() {
        return join(Arrays.stream(values()).map(CamTarget::id).toList());
    }

    /** The ids of the class targets. */
    public static String classChoices() {
        return join(Arrays.stream(values()).filter(CamTarget::isClass).map(CamTarget::id).toList());
    }

    private static String join(java.util.List<String> ids) {
        return ids.subList(0, ids.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + ids.get(ids.size() - 1);
    }
}
