package cyborg.data;

/** A single-channel float image, row-major: a human saliency map before it is resized. */
public record FloatMap(int width, int height, float[] values) {
    /** Min-max normalises in place to [0,1]; a constant map becomes all zeros. */
    static float[] minMaxNormalize(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        float range = max - min;
        for (int i = 0; i < v.length; i++) {
            v[i] = range > 0 ? (v[i] - min) / range : 0f;
        }
        return v;
    }
}
