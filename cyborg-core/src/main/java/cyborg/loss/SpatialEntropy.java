package cyborg.loss;

import ai.djl.ndarray.NDArray;

/**
 * Shannon entropy (natural log) of a map read as a distribution over its cells:
 * {@code p = m / (sum m + 1e-10) + 1e-10}, {@code H = -sum p ln p}; at most ln(h*w).
 */
public final class SpatialEntropy {
    private static final float EPS = 1e-10f;

    private SpatialEntropy() {}

    /** Entropy of one map held in an array (same formula, in double precision). */
    public static double of(float[] map) {
        double sum = 0;
        for (float v : map) {
            sum += v;
        }
        double h = 0;
        for (float v : map) {
            double p = v / (sum + EPS) + EPS;
            h -= p * Math.log(p);
        }
        return h;
    }

    /** Entropy of each map of (batch, h, w); returns (batch). */
    public static NDArray of(NDArray maps) {
        long batch = maps.getShape().get(0);
        NDArray flat = maps.reshape(batch, -1);
        NDArray p = flat.div(flat.sum(new int[] {1}, true).add(EPS)).add(EPS);
        return p.mul(p.log()).sum(new int[] {1}).neg();
    }
}
