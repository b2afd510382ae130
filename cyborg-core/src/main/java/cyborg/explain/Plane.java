package cyborg.explain;

/**
 * A single-channel float image, row-major, the common currency of the perturbations: saliency
 * maps, and the colour channels of an image taken one at a time.
 *
 * @param width columns
 * @param height rows
 * @param values {@code width * height} values
 */
public record Plane(int width, int height, float[] values) {
    public Plane {
        if (values.length != width * height) {
            throw new IllegalArgumentException("plane of " + width + "x" + height + " needs " + width * height
                    + " values, got " + values.length);
        }
    }

    float at(int x, int y) {
        return values[y * width + x];
    }

    /** The value at (x, y) with coordinates clamped to the edge (edge replication). */
    float clamped(int x, int y) {
        return at(Math.max(0, Math.min(width - 1, x)), Math.max(0, Math.min(height - 1, y)));
    }
}
