package cyborg.image;

import java.util.Objects;

/**
 * Geometric data-augmentation operations that must be applied identically to a face image and
 * to its human saliency map (so the map keeps pointing at the same facial regions): horizontal
 * flip and crop, for {@link RgbImage} and for row-major float maps.
 */
public final class Geometry {
    private Geometry() {
    }

    /** Mirror image left to right. */
    public static RgbImage flipHorizontal(RgbImage image) {
        Objects.requireNonNull(image, "image");
        int w = image.width();
        int h = image.height();
        byte[] src = image.pixels();
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            int row = y * w * 3;
            for (int x = 0; x < w; x++) {
                System.arraycopy(src, row + 3 * (w - 1 - x), out, row + 3 * x, 3);
            }
        }
        return new RgbImage(w, h, out);
    }

    /** Mirror a {@code width x height} row-major map left to right; returns a new array. */
    public static float[] flipHorizontal(float[] map, int width, int height) {
        checkMap(map, width, height);
        float[] out = new float[map.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = map[row + width - 1 - x];
            }
        }
        return out;
    }

    /** The {@code w x h} region whose top-left pixel is (x, y); it must lie inside the image. */
    public static RgbImage crop(RgbImage image, int x, int y, int w, int h) {
        Objects.requireNonNull(image, "image");
        checkRegion(image.width(), image.height(), x, y, w, h);
        byte[] src = image.pixels();
        byte[] out = new byte[w * h * 3];
        for (int r = 0; r < h; r++) {
            System.arraycopy(src, ((y + r) * image.width() + x) * 3, out, r * w * 3, w * 3);
        }
        return new RgbImage(w, h, out);
    }

    /** The {@code w x h} region of a map whose top-left value is (x, y); it must lie inside. */
    public static float[] crop(float[] map, int width, int height, int x, int y, int w, int h) {
        checkMap(map, width, height);
        checkRegion(width, height, x, y, w, h);
        float[] out = new float[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(map, (y + r) * width + x, out, r * w, w);
        }
        return out;
    }

    private static void checkMap(float[] map, int width, int height) {
        Objects.requireNonNull(map, "map");
        if (width <= 0 || height <= 0 || (long) width * height != map.length) {
            throw new IllegalArgumentException("map of " + map.length + " values is not "
                    + width + "x" + height);
        }
    }

    private static void checkRegion(int width, int height, int x, int y, int w, int h) {
        if (w <= 0 || h <= 0 || x < 0 || y < 0 || x > width - w || y > height - h) {
            throw new IllegalArgumentException("crop (x=" + x + ", y=" + y + ", w=" + w + ", h=" + h
                    + ") is not inside the " + width + "x" + height + " image");
        }
    }
}
