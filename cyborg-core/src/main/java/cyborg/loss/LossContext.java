package cyborg.loss;

import cyborg.model.CamTarget;

import ai.djl.ndarray.NDArray;
import cyborg.model.ClassActivationMaps;

/**
 * Everything the loss terms of one batch may read, with the CAM, the entropies and the input
 * gradient computed once and shared between terms.
 */
public final class LossContext {
    private final NDArray logits;
    private final NDArray features;
    private final NDArray classifierWeight;
    private final NDArray labels;
    private final NDArray maps;
    private final NDArray mapMask;
    private final CamTarget camClass;
    private final NDArray input;
    private final NDArray inputMaps;
    private NDArray cam;
    private NDArray inputGradient;
    private NDArray camEntropy;
    private Float mapCount;

    /**
     * @param logits (batch, classes)
     * @param features CAM-layer features (batch, channels, h, w)
     * @param classifierWeight (classes, channels)
     * @param labels int64 (batch)
     * @param maps human maps (batch, h, w) normalised to [0,1]; rows without a map are ignored
     * @param mapMask (batch) 1 where the image has a human map, else 0
     * @param camClass which class's CAM the saliency terms use
     */
    public LossContext(NDArray logits, NDArray features, NDArray classifierWeight, NDArray labels,
            NDArray maps, NDArray mapMask, CamTarget camClass) {
        this(logits, features, classifierWeight, labels, maps, mapMask, camClass, null, null);
    }

    /**
     * A context that also holds the model's input, for terms on the input gradient ({@code rrr}).
     *
     * @param input the batch the logits were computed from (batch, 3, H, W), normalised as the
     *     model sees it; it must have been made to require gradient before the forward pass (see
     *     {@link LossStep}); null when no term needs it
     * @param inputMaps human maps at input resolution (batch, H, W) in [0, 1], zeros where an image
     *     has none; null when no term needs them
     */
    public LossContext(NDArray logits, NDArray features, NDArray classifierWeight, NDArray labels,
            NDArray maps, NDArray mapMask, CamTarget camClass, NDArray input, NDArray inputMaps) {
        this.input = input;
        this.inputMaps = inputMaps;
        this.logits = logits;
        this.features = features;
        this.classifierWeight = classifierWeight;
        this.labels = labels;
        this.maps = maps;
        this.mapMask = mapMask;
        this.camClass = camClass;
    }

    public NDArray logits() {
        return logits;
    }

    public NDArray labels() {
        return labels;
    }

    public NDArray maps() {
        return maps;
    }

    /** The model's input (batch, 3, H, W), or null when the context was built without it. */
    public NDArray input() {
        return input;
    }

    /** Human maps at input resolution (batch, H, W); an error when the context was built without them. */
    public NDArray inputMaps() {
        if (inputMaps == null) {
            throw new IllegalStateException("this loss needs the human maps at input resolution, but the"
                    + " loss context was built without them");
        }
        return inputMaps;
    }

    /** (batch) float mask of images that have a human map. */
    public NDArray mapMask() {
        return mapMask;
    }

    /** How many images of the batch have a human map. */
    public float mapCount() {
        if (mapCount == null) {
            mapCount = scalar(mapMask.sum());
        }
        return mapCount;
    }

    /**
     * Normalised CAMs (batch, h, w) in [0, 1] of the context's target ({@link CamTarget#normalizedCam}).
     */
    public NDArray cam() {
        if (cam == null) {
            cam = camClass.normalizedCam(features, classifierWeight, logits, labels);
        }
        return cam;
    }

    /**
     * {@code d/dx sum_n sum_k log p_k(x_n)} (batch, 3, H, W): the gradient of the summed
     * log-probabilities with respect to the (normalised) input, itself differentiable in the
     * parameters (double backpropagation). In evaluation mode the images are independent, so row n
     * is image n's own input gradient; with batch norm in training mode they are coupled through
     * the batch statistics (a term of order 1/batch), as the logits themselves are.
     *
     * <p>Computed once, by {@code torch.autograd.grad} with the graph kept ({@link InputGradient}),
     * which accumulates into no tensor; the input must have required gradient before the forward
     * pass ({@link LossStep} sees to it).
     */
    public NDArray inputGradient() {
        if (inputGradient == null) {
            if (input == null || !input.hasGradient()) {
                throw new IllegalStateException("an input-gradient term needs the input, made to require"
                        + " gradient before the forward pass (use LossStep)");
            }
            inputGradient = InputGradient.of(logits.logSoftmax(1).sum(), input);
        }
        return inputGradient;
    }

    /** Spatial entropy (batch) of each normalised CAM. */
    public NDArray camEntropy() {
        if (camEntropy == null) {
            camEntropy = SpatialEntropy.of(cam());
        }
        return camEntropy;
    }

    /** Reads a scalar of any floating type. */
    static float scalar(NDArray x) {
        return x.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).getFloat();
    }

    /** A zero scalar of the logits' type: the value of a saliency term on a batch with no maps. */
    NDArray zero() {
        return logits.getManager().zeros(new ai.djl.ndarray.types.Shape(), logits.getDataType());
    }

    /** Mean over the images that have a map of a per-image value (batch). */
    NDArray maskedMean(NDArray perImage) {
        // ScalarOps, not div(float): DJL's scalar is freed before the backward pass reads it
        return ScalarOps.dividedBy(perImage.mul(mapMask).sum(), mapCount());
    }
}
