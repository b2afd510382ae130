package cyborg.explain;

import cyborg.image.RgbImage;

/**
 * Salience-guided degradation (Explain to Me): the map is smoothed (Gaussian, sigma 5 px), scaled
 * to [0,10] and rounded to 0.1; a pixel at level v is replaced by the image blurred with sigma
 * {@code (10 - v)^4 / 1000} (per channel). The background variant keeps what the model finds
 * salient and degrades the rest; the object variant inverts the map and blurs the salient object.
 */
public final class SalienceDegradation {
    private static final double MAP_SMOOTHING = 5;

    private SalienceDegradation() {}

    /**
     * @param image the image at the map's resolution
     * @param map the saliency map at the image's resolution, values in [0,1]
     * @param object blur what is salient instead of what is not
     */
    public static RgbImage apply(RgbImage image, Plane map, boolean object) {
        float[] level = levels(map, object);
        Plane[] channels = Channels.split(image);
        Plane[] out = new Plane[3];
        for (int c = 0; c < 3; c++) {
            float[] result = new float[level.length];
            java.util.Map<Integer, Plane> blurred = new java.util.HashMap<>();
            for (int i = 0; i < level.length; i++) {
                int tenths = Math.round(level[i] * 10);
                final int ch = c;
                Plane b = blurred.computeIfAbsent(tenths,
                        t -> GaussianBlur.apply(channels[ch], Math.pow(10 - t / 10.0, 4) / 1000));
                result[i] = b.values()[i];
            }
            out[c] = new Plane(image.width(), image.height(), result);
        }
        return Channels.join(out);
    }

    /** The level in [0,10] (steps of 0.1) of every pixel. */
    static float[] levels(Plane map, boolean object) {
        float[] v = cyborg.image.FloatMaps.minMaxNormalized(GaussianBlur.apply(map, MAP_SMOOTHING).values());
        float[] level = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = v[i];
            if (object) {
                s = 1 - s;
            }
            level[i] = (float) (Math.round(s * 100) / 10.0);
        }
        return level;
    }
}
