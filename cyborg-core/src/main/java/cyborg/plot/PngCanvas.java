package cyborg.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * A {@link Canvas} that rasterises into an RGB image with antialiasing, for PNG output. Works
 * in headless mode. Starts black; charts paint their own background.
 */
public final class PngCanvas implements Canvas {

    private final BufferedImage image;
    private final Graphics2D graphics;

    /** Creates a canvas of the given size in pixels. */
    public PngCanvas(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("canvas size must be positive, got "
                    + width + "x" + height);
        }
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
                RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        // Without PURE, Java2D nudges strokes to whole pixels and thin lines look uneven.
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL,
                RenderingHints.VALUE_STROKE_PURE);
    }

    @Override
    public int width() {
        return image.getWidth();
    }

    @Override
    public int height() {
        return image.getHeight();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Pen pen) {
        stroke(new Line2D.Double(x1, y1, x2, y2), pen);
    }

    @Override
    public void polyline(double[] xs, double[] ys, Pen pen) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        stroke(path, pen);
    }

    @Override
    public void rect(double x, double y, double width, double height, Pen pen) {
        stroke(new Rectangle2D.Double(x, y, width, height), pen);
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Color fill) {
        graphics.setColor(fill);
        graphics.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void text(String text, double x, double y, TextAnchor anchor, TextStyle style) {
        AffineTransform before = graphics.getTransform();
        if (style.vertical()) {
            graphics.rotate(-Math.PI / 2, x, y);
        }
        graphics.setFont(TextMetrics.font(style));
        graphics.setColor(style.color());
        double start = x - anchor.offset(TextMetrics.width(text, style));
        graphics.drawString(text, (float) start, (float) y);
        graphics.setTransform(before);
    }

    @Override
    public void clipped(double x, double y, double width, double height, Runnable drawing) {
        Shape before = graphics.getClip();
        graphics.clip(new Rectangle2D.Double(x, y, width, height));
        try {
            drawing.run();
        } finally {
            graphics.setClip(before);
        }
    }

    private void stroke(Shape shape, Pen pen) {
        float[] dash = pen.dashPattern();
        graphics.setStroke(new BasicStroke((float) pen.width(), BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND, 10f, dash.length == 0 ? null : dash, 0f));
        graphics.setColor(pen.color());
        graphics.draw(shape);
    }

    /** The image drawn so far (live, not a copy). */
    public BufferedImage image() {
        return image;
    }

    /** Encodes the image as PNG. */
    public void writePng(OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }
}
