package cyborg.saliency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Bilinear resizing as a matrix: resizing X (in x in) to (out x out) is {@code A X A^T}, exact
 * and fast on the engine, with PyTorch's {@code align_corners=False} sampling (half-pixel
 * centres, edges clamped).
 */
final class Bilinear {
    private Bilinear() {}

    /** The (out x in) interpolation matrix. */
    static NDArray matrix(NDManager m, int out, int in) {
        float[] a = new float[out * in];
        double scale = (double) in / out;
        for (int i = 0; i < out; i++) {
            double src = Math.max(0, (i + 0.5) * scale - 0.5);
            int lo = Math.min(in - 1, (int) Math.floor(src));
            int hi = Math.min(in - 1, lo + 1);
            double t = src - lo;
            a[i * in + lo] += (float) (1 - t);
            a[i * in + hi] += (float) t;
        }
        return m.create(a, new Shape(out, in));
    }
}
