package cyborg.image;

/** Operations on float maps held in arrays. */
public final class FloatMaps {
    private FloatMaps() {}

    /** A copy rescaled to [0,1] (min to 0, max to 1); a constant map becomes all zeros. */
    public static float[] minMaxNormalized(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        float range = max - min;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = range > 0 ? (v[i] - min) / range : 0f;
        }
        return out;
    }

    /** Whether every value is the same: min-max normalisation turns such a map into zeros. */
    public static boolean isConstant(float[] v) {
        for (float x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }
}
