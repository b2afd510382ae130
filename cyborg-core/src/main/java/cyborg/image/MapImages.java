package cyborg.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Renders float maps (human saliency maps, CAMs; values in [0,1], any size) for people to look
 * at: as 8-bit grayscale PNGs, and as jet-coloured overlays on the face image, the usual way
 * of showing where a model looks compared with where humans looked. Files are written
 * atomically (temporary file in the same directory, then rename).
 */
public final class MapImages {
    private MapImages() {
    }

    /** Map to 8 bits: {@code round(v * 255)}, clipped to 0..255; NaN becomes 0. */
    public static GrayImage toGray(float[] map, int width, int height) {
        checkMap(map, width, height);
        byte[] out = new byte[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = (byte) level(map[i]);
        }
        return new GrayImage(width, height, out);
    }

    /** Writes {@link #toGray} as an 8-bit grayscale PNG. */
    public static void writeGray(float[] map, int width, int height, Path png) throws IOException {
        PngWriter.write(toGray(map, width, height), png);
    }

    /** {@link #toGray} as the bytes of an 8-bit grayscale PNG (what {@link #writeGray} writes). */
    public static byte[] grayPng(float[] map, int width, int height) throws IOException {
        return PngWriter.encode(toGray(map, width, height));
    }

    /** The map coloured with {@link JetColormap} (0 = blue, 1 = red), at its own size. */
    public static RgbImage jet(float[] map, int width, int height) {
        checkMap(map, width, height);
        byte[] out = new byte[3 * map.length];
        for (int i = 0; i < map.length; i++) {
            int jet = JetColormap.rgb(level(map[i]));
            out[3 * i] = (byte) (jet >> 16);
            out[3 * i + 1] = (byte) (jet >> 8);
            out[3 * i + 2] = (byte) jet;
        }
        return new RgbImage(width, height, out);
    }

    /**
     * The map resized to the image's size with {@link Resampler#resize(float[], int, int, int, int)},
     * coloured with {@link JetColormap} (0 = blue, 1 = red) and blended 50/50 with the image,
     * rounding halves up.
     */
    public static RgbImage overlay(RgbImage image, float[] map, int width, int height) {
        Objects.requireNonNull(image, "image");
        checkMap(map, width, height);
        int w = image.width();
        int h = image.height();
        float[] up = Resampler.resize(map, width, height, w, h);
        byte[] src = image.pixels();
        byte[] out = new byte[src.length];
        for (int i = 0; i < up.length; i++) {
            int jet = JetColormap.rgb(level(up[i]));
            int j = 3 * i;
            out[j] = blend(src[j], jet >> 16);
            out[j + 1] = blend(src[j + 1], jet >> 8);
            out[j + 2] = blend(src[j + 2], jet);
        }
        return new RgbImage(w, h, out);
    }

    /** Writes {@link #overlay} as an RGB PNG. */
    public static void writeOverlay(RgbImage image, float[] map, int width, int height, Path png)
            throws IOException {
        PngWriter.write(overlay(image, map, width, height), png);
    }

    private static int level(float v) {
        if (!(v > 0f)) { // also catches NaN
            return 0;
        }
        return v >= 1f ? 255 : Math.round(v * 255f);
    }

    private static byte blend(byte image, int jetChannel) {
        return (byte) (((image & 0xFF) + (jetChannel & 0xFF) + 1) >> 1);
    }

    private static void checkMap(float[] map, int width, int height) {
        Objects.requireNonNull(map, "map");
        if (width <= 0 || height <= 0 || (long) width * height != map.length) {
            throw new IllegalArgumentException("map of " + map.length + " values is not "
                    + width + "x" + height);
        }
    }
}
