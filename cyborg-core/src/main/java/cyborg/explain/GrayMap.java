package cyborg.explain;

/**
 * An 8-bit grayscale saliency map: {@code values} holds {@code width * height} intensities in
 * 0..255, row-major (index {@code y * width + x}). The array is shared, not copied; treat it as
 * read-only.
 */
public record GrayMap(int width, int height, int[] values) {
    /** Checks that the shape and the number of values agree. */
    public GrayMap {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map size must be positive, got " + width + "x" + height);
        }
        if (values.length != (long) width * height) {
            throw new IllegalArgumentException(width + "x" + height + " map needs " + (long) width * height
                    + " values, got " + values.length);
        }
    }

    /** The value at column x, row y. */
    public int at(int x, int y) {
        return values[y * width + x];
    }
}
