package cyborg.plot;

import java.awt.Color;

/**
 * A drawing surface with the few primitives charts need, so that one drawing routine produces
 * both raster ({@link PngCanvas}) and vector ({@link SvgCanvas}) output.
 *
 * <p>Coordinates are pixels with the origin at the top left and y growing downwards.
 */
public interface Canvas {

    /** Width of the surface in pixels. */
    int width();

    /** Height of the surface in pixels. */
    int height();

    /** Draws a straight line segment. */
    void line(double x1, double y1, double x2, double y2, Pen pen);

    /** Draws connected line segments through the points; needs at least two points. */
    void polyline(double[] xs, double[] ys, Pen pen);

    /** Draws the outline of a rectangle whose top-left corner is (x, y). */
    void rect(double x, double y, double width, double height, Pen pen);

    /** Fills a rectangle whose top-left corner is (x, y). */
    void fillRect(double x, double y, double width, double height, Color fill);

    /**
     * Draws one line of text with its baseline at y; the anchor says which part of the text sits
     * at x. Vertical text is rotated about (x, y) to read bottom to top.
     */
    void text(String text, double x, double y, TextAnchor anchor, TextStyle style);

    /** Runs {@code drawing} with everything it draws cut off outside the given rectangle. */
    void clipped(double x, double y, double width, double height, Runnable drawing);
}
