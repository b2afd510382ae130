package cyborg.image;

/**
 * The 256-entry jet colour lookup table of OpenCV's {@code COLORMAP_JET}, used to colour
 * saliency maps and CAMs the same way the Python tooling ({@code cv2.applyColorMap}) does.
 *
 * <p>OpenCV builds the table from 256 breakpoints of the Octave jet map
 * ({@code r = clip(min(4x - 1.5, 4.5 - 4x))}, {@code g} with 0.5/3.5, {@code b} with -0.5/2.5,
 * {@code x = i/255}), linearly re-interpolates them in float32 at 256 points, and converts to
 * 8 bits as {@code round_half_even(v * 255f)}. The same float32 steps are replayed here because
 * several entries sit exactly on a .5 boundary, where a textbook formula rounds differently.
 */
public final class JetColormap {
    private static final int[] LUT = build();

    private JetColormap() {
    }

    /** Colour for level {@code 0..255} packed as {@code 0xRRGGBB}. */
    public static int rgb(int level) {
        if (level < 0 || level > 255) {
            throw new IllegalArgumentException("jet level must be 0..255, got " + level);
        }
        return LUT[level];
    }

    private static int[] build() {
        float[] xs = new float[256];
        float step = 1f / 255;
        for (int i = 0; i < 256; i++) {
            xs[i] = 0f + i * step;
        }
        int[] r = channel(xs, -1.5, 4.5);
        int[] g = channel(xs, -0.5, 3.5);
        int[] b = channel(xs, 0.5, 2.5);
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = r[i] << 16 | g[i] << 8 | b[i];
        }
        return lut;
    }

    /** One channel: breakpoints {@code clip(min(4x + rise, fall - 4x), 0, 1)}, interp, to 8 bits. */
    private static int[] channel(float[] xs, double rise, double fall) {
        float[] y = new float[256];
        for (int i = 0; i < 256; i++) {
            double x = i / 255.0;
            double v = Math.min(4 * x + rise, fall - 4 * x);
            y[i] = (float) Math.max(0.0, Math.min(1.0, v));
        }
        int[] out = new int[256];
        for (int i = 0; i < 256; i++) {
            // OpenCV's interp1 at a breakpoint: bracket [i-1, i] (or [0, 1] for i = 0).
            int lo = i == 0 ? 0 : i - 1;
            int hi = i == 0 ? 1 : i;
            float v = y[lo] + (xs[i] - xs[lo]) * (y[hi] - y[lo]) / (xs[hi] - xs[lo]);
            float scaled = v * 255f;
            out[i] = (int) Math.max(0, Math.min(255, Math.rint(scaled)));
        }
        return out;
    }
}
