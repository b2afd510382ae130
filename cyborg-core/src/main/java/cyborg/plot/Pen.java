package cyborg.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * How a line is stroked: colour, width in pixels and whether it is dashed.
 *
 * @param color stroke colour; its alpha is honoured
 * @param width stroke width in pixels, positive
 * @param dashed whether to draw dashes instead of a solid line
 */
public record Pen(Color color, double width, boolean dashed) {

    /** Checks the colour is present and the width positive. */
    public Pen {
        Objects.requireNonNull(color, "color");
        if (!(width > 0)) {
            throw new IllegalArgumentException("pen width must be positive, got " + width);
        }
    }

    /** A solid pen. */
    public static Pen solid(Color color, double width) {
        return new Pen(color, width, false);
    }

    /**
     * Dash and gap lengths in pixels, or an empty array for a solid pen. They grow with the
     * width so that thick dashed lines still read as dashed.
     */
    public float[] dashPattern() {
        if (!dashed) {
            return new float[0];
        }
        return new float[] {(float) (3 * width + 3), (float) (2 * width + 2)};
    }
}
