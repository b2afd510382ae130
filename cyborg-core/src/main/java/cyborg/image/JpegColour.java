package cyborg.image;

import java.awt.image.Raster;

/**
 * Turns a JPEG's raw, decoded samples into RGB the way PIL does: libjpeg's integer YCbCr and
 * YCCK conversions ({@code jdcolor.c}: 16-bit fixed-point tables, rounded), then for four
 * components PIL's Adobe convention ({@code CMYK;I}: inks stored inverted) and its CMYK to RGB.
 *
 * <p>Working from raw samples means no colour management anywhere: an embedded ICC profile is
 * ignored, as PIL ignores it, and CMYK does not go through Java's ICC-based conversion.
 */
final class JpegColour {
    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALEBITS;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALEBITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private JpegColour() {
    }

    private static int fix(double v) {
        return (int) (v * (1L << SCALEBITS) + 0.5);
    }

    /**
     * @throws IllegalArgumentException if the colour space is unknown or the band count disagrees
     */
    static RgbImage toRgb(Raster raw, JpegLayout.Space space) {
        int bands = switch (space) {
            case GRAY -> 1;
            case YCC, RGB -> 3;
            case CMYK, YCCK -> 4;
            case UNKNOWN -> -1;
        };
        if (bands != raw.getNumBands()) {
            throw new IllegalArgumentException(raw.getNumBands() + "-component JPEG with no known colour space");
        }
        int w = raw.getWidth();
        int h = raw.getHeight();
        byte[] out = new byte[w * h * 3];
        int[] px = new int[w * bands];
        int[] rgb = new int[3];
        for (int y = 0; y < h; y++) {
            raw.getPixels(raw.getMinX(), raw.getMinY() + y, w, 1, px);
            for (int x = 0; x < w; x++) {
                convert(space, px, x * bands, rgb);
                int o = 3 * (y * w + x);
                out[o] = (byte) rgb[0];
                out[o + 1] = (byte) rgb[1];
                out[o + 2] = (byte) rgb[2];
            }
        }
        return new RgbImage(w, h, out);
    }

    private static void convert(JpegLayout.Space space, int[] px, int i, int[] rgb) {
        switch (space) {
            case GRAY -> {
                rgb[0] = px[i];
                rgb[1] = px[i];
                rgb[2] = px[i];
            }
            case RGB -> {
                rgb[0] = px[i];
                rgb[1] = px[i + 1];
                rgb[2] = px[i + 2];
            }
            case YCC -> ycc(px[i], px[i + 1], px[i + 2], rgb);
            case CMYK -> inverted(px[i], px[i + 1], px[i + 2], px[i + 3], rgb);
            case YCCK -> {
                // libjpeg: C = 255 - R of the YCC triple, K passes through; then as CMYK.
                ycc(px[i], px[i + 1], px[i + 2], rgb);
                inverted(255 - rgb[0], 255 - rgb[1], 255 - rgb[2], px[i + 3], rgb);
            }
            default -> throw new IllegalArgumentException("unknown JPEG colour space");
        }
    }

    private static void ycc(int y, int cb, int cr, int[] rgb) {
        rgb[0] = clamp(y + CR_R[cr]);
        rgb[1] = clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS));
        rgb[2] = clamp(y + CB_B[cb]);
    }

    /** PIL reads every CMYK JPEG as Adobe-inverted ({@code CMYK;I}), then converts. */
    private static void inverted(int c, int m, int y, int k, int[] rgb) {
        rgb[0] = PilCmyk.channel(255 - c, 255 - k);
        rgb[1] = PilCmyk.channel(255 - m, 255 - k);
        rgb[2] = PilCmyk.channel(255 - y, 255 - k);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
