package cyborg.saliency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import cyborg.model.CamNetwork;
import cyborg.model.CamSplit;
import cyborg.model.ClassActivationMaps;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Base of every saliency method: a method weighs the CAM layer's channels for a target class;
 * the map is the ReLU of the weighted sum, min-max normalised per image (as the Explain-to-Me
 * reference stores its Grad-CAM maps). Subclasses supply the weights.
 */
public abstract class SaliencyMethod {
    /** The name on the command line. */
    public abstract String id();

    /**
     * Channel weights (batch, channels) for the target classes.
     *
     * @param net the network (in inference mode)
     * @param input the normalised input batch
     * @param split the forward pass stopped at the CAM layer
     * @param classes int64 (batch) target classes
     */
    protected abstract NDArray weights(CamNetwork net, NDArray input, CamSplit split, NDArray classes);

    /** Whether to apply a ReLU before normalising (the CAM of the CYBORG reference does not). */
    protected boolean relu() {
        return true;
    }

    /**
     * Normalised saliency maps (batch, h, w) at the CAM layer's resolution.
     *
     * @param classes int64 (batch) target classes
     */
    public final NDArray maps(CamNetwork net, NDArray input, CamSplit split, NDArray classes) {
        NDArray w = weights(net, input, split, classes);
        long[] f = split.features().getShape().getShape();
        NDArray raw = w.reshape(f[0], f[1], 1, 1).mul(split.features()).sum(new int[] {1});
        return ClassActivationMaps.minMaxNormalize(relu() ? raw.getNDArrayInternal().relu() : raw);
    }

    /** Every method, in the order help texts list them: the registry. */
    private static final List<Supplier<SaliencyMethod>> ALL = List.of(Cam::new, GradCam::new, GradCamPlusPlus::new,
            ScoreCam::new);

    /** The command-line names of every method: "cam, gradcam, gradcampp or scorecam". */
    public static String choices() {
        List<String> ids = ids();
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    /** The command-line names of every method, in registry order. */
    public static List<String> ids() {
        return ALL.stream().map(s -> s.get().id()).toList();
    }

    /** Looks a method up by its command-line name ('-' and '_' ignored; gradcamplusplus also names Grad-CAM++). */
    public static SaliencyMethod of(String id) {
        String key = id.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace("plusplus", "pp");
        for (Supplier<SaliencyMethod> s : ALL) {
            SaliencyMethod m = s.get();
            if (m.id().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown saliency method '" + id + "'; choose " + choices());
    }

    /** One-hot rows of {@code classes} in the type of {@code like}. */
    static NDArray oneHot(NDArray classes, int count, NDArray like) {
        return classes.oneHot(count).toType(like.getDataType(), false);
    }

    /** Scratch manager of the batch's arrays. */
    static NDManager manager(NDArray a) {
        return a.getManager();
    }
}
