package cyborg.explain;

/**
 * Separable Gaussian blur with scipy/scikit-image's conventions: kernel truncated at 4 sigma,
 * edges extended by replication ({@code mode='nearest'}); sigma 0 leaves the plane unchanged.
 */
public final class GaussianBlur {
    private GaussianBlur() {}

    public static Plane apply(Plane p, double sigma) {
        if (sigma <= 0) {
            return p;
        }
        int radius = (int) (4 * sigma + 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int w = p.width();
        int h = p.height();
        float[] tmp = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int i = -radius; i <= radius; i++) {
                    acc += k[i + radius] * p.clamped(x + i, y);
                }
                tmp[y * w + x] = (float) acc;
            }
        }
        Plane mid = new Plane(w, h, tmp);
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int i = -radius; i <= radius; i++) {
                    acc += k[i + radius] * mid.clamped(x, y + i);
                }
                out[y * w + x] = (float) acc;
            }
        }
        return new Plane(w, h, out);
    }
}
