package cyborg.model;

import ai.djl.ndarray.NDArray;

/**
 * Class activation maps as the CYBORG reference forms them: {@code cam_i = W[c_i] . F_i}, then
 * per image {@code (cam - min) / max(cam - min)}, without a ReLU. Differentiable in W and F.
 */
public final class ClassActivationMaps {
    /** Keeps a constant map finite (0) instead of 0/0; far below float resolution otherwise. */
    private static final float DIVISION_GUARD = 1e-12f;

    private ClassActivationMaps() {}

    /**
     * Raw (unnormalised) CAMs.
     *
     * @param features (batch, channels, h, w)
     * @param weight (classes, channels)
     * @param classes int64 (batch): the class whose map to form for each image
     * @return (batch, h, w)
     */
    public static NDArray raw(NDArray features, NDArray weight, NDArray classes) {
        long batch = features.getShape().get(0);
        long channels = features.getShape().get(1);
        NDArray oneHot = classes.oneHot((int) weight.getShape().get(0)).toType(weight.getDataType(), false);
        NDArray rows = oneHot.matMul(weight).reshape(batch, channels, 1, 1);
        return rows.mul(features).sum(new int[] {1});
    }

    /** Min-max normalises each map of (batch, h, w) to [0, 1]. */
    public static NDArray minMaxNormalize(NDArray cams) {
        long batch = cams.getShape().get(0);
        NDArray flat = cams.reshape(batch, -1);
        NDArray shifted = flat.sub(flat.min(new int[] {1}, true));
        NDArray range = shifted.max(new int[] {1}, true).add(DIVISION_GUARD);
        return shifted.div(range).reshape(cams.getShape());
    }

    /** Each map of (batch, h, w) as its own row-major array. */
    public static float[][] perImage(NDArray maps) {
        long[] shape = maps.getShape().getShape();
        int cells = (int) (shape[1] * shape[2]);
        float[] all = maps.toFloatArray();
        float[][] out = new float[(int) shape[0]][cells];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(all, i * cells, out[i], 0, cells);
        }
        return out;
    }

    /** Normalised CAMs of the given classes: the maps the losses compare with human saliency. */
    public static NDArray normalized(NDArray features, NDArray weight, NDArray classes) {
        return minMaxNormalize(raw(features, weight, classes));
    }
}
