package cyborg.synth;

import java.util.Locale;
import java.util.Random;

/**
 * How an authentic source photographs faces, the way FRGC, FFHQ and CelebA-HQ differ: background,
 * lighting, colour grade, sharpness, sensor noise.
 */
public enum AuthenticStyle {
    /** Studio portraits (FRGC-like): plain light background, even light, low noise. */
    STUDIO(0.10, 1.0, 0, 0, false, false, 2.0),
    /** Photos in the wild (FFHQ-like): colourful backgrounds with bokeh, directional light, crisp. */
    WILD(0.35, 1.12, 0, 0, false, false, 3.5),
    /** Soft celebrity portraits (CelebA-HQ-like): warm grade, soft focus, vignette. */
    SOFT(0.20, 0.9, 10, -8, true, true, 2.5);

    final double lightStrength;
    final double contrast;
    final double warmRed;
    final double warmBlue;
    final boolean softFocus;
    final boolean vignette;
    final double noise;

    AuthenticStyle(double lightStrength, double contrast, double warmRed, double warmBlue, boolean softFocus,
            boolean vignette, double noise) {
        this.lightStrength = lightStrength;
        this.contrast = contrast;
        this.warmRed = warmRed;
        this.warmBlue = warmBlue;
        this.softFocus = softFocus;
        this.vignette = vignette;
        this.noise = noise;
    }

    /** The folder and source name ({@code studio}, {@code wild}, {@code soft}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Paints the background of a (supersampled) raster. */
    void background(Raster r, Random rng) {
        float[] a;
        float[] b;
        switch (this) {
            case STUDIO -> {
                float g = 185 + rng.nextInt(50);
                a = new float[] {g, g, g + 4};
                b = new float[] {g - 15, g - 15, g - 10};
            }
            case WILD -> {
                a = new float[] {rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)};
                b = new float[] {rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)};
            }
            default -> {
                a = new float[] {150 + rng.nextInt(60), 120 + rng.nextInt(50), 100 + rng.nextInt(40)};
                b = new float[] {a[0] - 40, a[1] - 40, a[2] - 30};
            }
        }
        double angle = rng.nextDouble() * Math.PI;
        double ca = Math.cos(angle);
        double sa = Math.sin(angle);
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                double t = Raster.clamp01(0.5 + ((x - r.width / 2.0) * ca + (y - r.height / 2.0) * sa) / r.width);
                int i = r.index(x, y);
                for (int c = 0; c < 3; c++) {
                    r.rgb[i + c] = (float) (a[c] * (1 - t) + b[c] * t);
                }
            }
        }
        if (this == WILD) {
            int blobs = 3 + rng.nextInt(4);
            for (int k = 0; k < blobs; k++) {
                float[] color = {rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)};
                double rad = r.width * (0.08 + 0.12 * rng.nextDouble());
                r.fillEllipse(rng.nextDouble() * r.width, rng.nextDouble() * r.height, rad, rad, color, 0.35);
            }
        }
    }

    /** Colour grade, soft focus and vignette of the finished (final-size) image. */
    void grade(Raster r) {
        if (softFocus) {
            blur(r);
        }
        double half = r.width / 2.0;
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                int i = r.index(x, y);
                double v = 1;
                if (vignette) {
                    double d = Math.hypot(x - half, y - half) / half;
                    v = 1 - 0.25 * Math.max(0, d - 0.6);
                }
                for (int c = 0; c < 3; c++) {
                    double val = (r.rgb[i + c] - 128) * contrast + 128;
                    val += c == 0 ? warmRed : c == 2 ? warmBlue : 0;
                    r.rgb[i + c] = (float) (val * v);
                }
            }
        }
    }

    private static void blur(Raster r) {
        Raster src = r.copy();
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                int i = r.index(x, y);
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    double w = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = Math.min(r.width - 1, Math.max(0, x + dx));
                            int yy = Math.min(r.height - 1, Math.max(0, y + dy));
                            double k = (dx == 0 ? 2 : 1) * (dy == 0 ? 2 : 1);
                            sum += src.rgb[src.index(xx, yy) + c] * k;
                            w += k;
                        }
                    }
                    r.rgb[i + c] = (float) (sum / w);
                }
            }
        }
    }
}
