package cyborg.loss;

import ai.djl.ndarray.NDArray;
import cyborg.model.ClassActivationMaps;

/**
 * Everything the loss terms of one batch may read, with the CAM and entropies computed once and
 * shared between terms.
 */
public final class LossContext {
    private final NDArray logits;
    private final NDArray features;
    private final NDArray classifierWeight;
    private final NDArray labels;
    private final NDArray maps;
    private final NDArray mapMask;
    private final CamClass camClass;
    private NDArray cam;
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
            NDArray maps, NDArray mapMask, CamClass camClass) {
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

    /** Normalised CAMs (batch, h, w) of the configured class. */
    public NDArray cam() {
        if (cam == null) {
            NDArray classes = camClass == CamClass.TRUE ? labels : logits.argMax(1);
            cam = ClassActivationMaps.normalized(features, classifierWeight, classes);
        }
        return cam;
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
        return perImage.mul(mapMask).sum().div(mapCount());
    }
}
