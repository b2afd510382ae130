package cyborg.image;

import java.util.Objects;

/**
 * An 8-bit RGB image held in memory: the unit that decoding, resizing, augmentation and
 * tensor conversion pass around.
 *
 * <p>Pixels are interleaved and row-major in a {@code byte[]} of length {@code width*height*3}:
 * the red, green and blue of pixel (x, y) are at {@code 3*(y*width + x) + 0, 1, 2}. Bytes are
 * unsigned samples (read them with {@code & 0xFF}). This is the layout of PIL's
 * {@code Image.tobytes()} for mode RGB, so golden hashes compare byte for byte.
 *
 * <p>The array is not copied on construction or by {@link #pixels()} (images are large and
 * produced in hot loops); treat it as read-only once the image is built.
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] pixels;

    /**
     * Wraps interleaved RGB bytes (taken over, not copied).
     *
     * @throws IllegalArgumentException if a dimension is not positive or the length is wrong
     */
    public RgbImage(int width, int height, byte[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height * 3 != pixels.length) {
            throw new IllegalArgumentException("expected " + (long) width * height * 3
                    + " bytes for a " + width + "x" + height + " RGB image, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing interleaved RGB array (not a copy; do not modify). */
    public byte[] pixels() {
        return pixels;
    }

    /** Sample of channel {@code c} (0 = R, 1 = G, 2 = B) at (x, y), in 0..255. */
    public int get(int x, int y, int c) {
        return pixels[3 * (y * width + x) + c] & 0xFF;
    }

    /** Pixel (x, y) packed as {@code 0xRRGGBB}. */
    public int rgb(int x, int y) {
        int i = 3 * (y * width + x);
        return (pixels[i] & 0xFF) << 16 | (pixels[i + 1] & 0xFF) << 8 | (pixels[i + 2] & 0xFF);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
