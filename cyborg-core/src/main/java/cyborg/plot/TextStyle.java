package cyborg.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * Appearance of a text label. The typeface is always the logical "SansSerif" font so that
 * headless machines without extra fonts render it.
 *
 * @param size font size in pixels, positive
 * @param color text colour
 * @param bold whether to use the bold weight
 * @param vertical whether the text is rotated to read bottom to top (as a y-axis label)
 */
public record TextStyle(double size, Color color, boolean bold, boolean vertical) {

    /** Checks the colour is present and the size positive. */
    public TextStyle {
        Objects.requireNonNull(color, "color");
        if (!(size > 0)) {
            throw new IllegalArgumentException("font size must be positive, got " + size);
        }
    }

    /** Plain horizontal text. */
    public static TextStyle plain(double size, Color color) {
        return new TextStyle(size, color, false, false);
    }

    /** The same style, bold. */
    public TextStyle bolded() {
        return new TextStyle(size, color, true, vertical);
    }

    /** The same style, rotated to read bottom to top. */
    public TextStyle rotated() {
        return new TextStyle(size, color, bold, true);
    }
}
