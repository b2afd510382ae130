package cyborg.synth;

import cyborg.image.RgbImage;

/**
 * A float RGB canvas (values 0..255, row-major, interleaved) with the few drawing operations the
 * face renderer needs: anti-aliased ellipses, blending, 2x downsampling, conversion to 8 bits.
 */
final class Raster {
    final int width;
    final int height;
    final float[] rgb;

    Raster(int width, int height) {
        this.width = width;
        this.height = height;
        this.rgb = new float[width * height * 3];
    }

    int index(int x, int y) {
        return (y * width + x) * 3;
    }

    /** Mixes {@code color} into pixel (x, y) with opacity {@code alpha} in [0,1]. */
    void blend(int x, int y, float[] color, double alpha) {
        if (alpha <= 0) {
            return;
        }
        double a = Math.min(1, alpha);
        int i = index(x, y);
        for (int c = 0; c < 3; c++) {
            rgb[i + c] = (float) (rgb[i + c] * (1 - a) + color[c] * a);
        }
    }

    /** Adds {@code delta} to every channel of pixel (x, y). */
    void add(int x, int y, double dr, double dg, double db) {
        int i = index(x, y);
        rgb[i] += (float) dr;
        rgb[i + 1] += (float) dg;
        rgb[i + 2] += (float) db;
    }

    /**
     * Coverage of pixel centre (x, y) by an ellipse, with a one-pixel soft edge so that shapes are
     * anti-aliased.
     */
    static double ellipseCoverage(double x, double y, double cx, double cy, double rx, double ry) {
        double dx = (x - cx) / rx;
        double dy = (y - cy) / ry;
        double d = Math.sqrt(dx * dx + dy * dy);
        double edge = 1.0 / Math.max(1e-6, Math.min(rx, ry));
        return clamp01((1 - d) / edge + 0.5);
    }

    /** Fills an ellipse with {@code color} at opacity {@code alpha}. */
    void fillEllipse(double cx, double cy, double rx, double ry, float[] color, double alpha) {
        int x0 = Math.max(0, (int) Math.floor(cx - rx - 1));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + rx + 1));
        int y0 = Math.max(0, (int) Math.floor(cy - ry - 1));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + ry + 1));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                blend(x, y, color, alpha * ellipseCoverage(x + 0.5, y + 0.5, cx, cy, rx, ry));
            }
        }
    }

    /** Averages 2x2 blocks: the supersampled render becomes the anti-aliased image. */
    Raster halve() {
        Raster out = new Raster(width / 2, height / 2);
        for (int y = 0; y < out.height; y++) {
            for (int x = 0; x < out.width; x++) {
                int o = out.index(x, y);
                for (int c = 0; c < 3; c++) {
                    out.rgb[o + c] = (rgb[index(2 * x, 2 * y) + c] + rgb[index(2 * x + 1, 2 * y) + c]
                            + rgb[index(2 * x, 2 * y + 1) + c] + rgb[index(2 * x + 1, 2 * y + 1) + c]) / 4f;
                }
            }
        }
        return out;
    }

    /** A copy. */
    Raster copy() {
        Raster r = new Raster(width, height);
        System.arraycopy(rgb, 0, r.rgb, 0, rgb.length);
        return r;
    }

    /** Rounds and clips to 8 bits. */
    RgbImage toImage() {
        byte[] px = new byte[rgb.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, Math.round(rgb[i])));
        }
        return new RgbImage(width, height, px);
    }

    static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
