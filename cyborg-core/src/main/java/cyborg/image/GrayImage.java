package cyborg.image;

import java.util.Objects;

/**
 * An 8-bit single-channel image (PIL mode "L"): luminance images and 8-bit renderings of
 * saliency maps.
 *
 * <p>Pixels are row-major, one unsigned byte per pixel ({@code width*height} bytes), the layout
 * of PIL's {@code tobytes()} for mode L. The array is taken over, not copied; treat it as
 * read-only.
 */
public final class GrayImage {
    private final int width;
    private final int height;
    private final byte[] pixels;

    /**
     * Wraps row-major gray bytes (taken over, not copied).
     *
     * @throws IllegalArgumentException if a dimension is not positive or the length is wrong
     */
    public GrayImage(int width, int height, byte[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("expected " + (long) width * height
                    + " bytes for a " + width + "x" + height + " gray image, got " + pixels.length);
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

    /** The backing array (not a copy; do not modify). */
    public byte[] pixels() {
        return pixels;
    }

    /** Sample at (x, y), in 0..255. */
    public int get(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + "]";
    }
}
