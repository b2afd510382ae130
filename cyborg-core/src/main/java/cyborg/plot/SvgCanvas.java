package cyborg.plot;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A {@link Canvas} that writes SVG 1.1 markup by hand, for vector output without a library.
 * Text is XML-escaped; characters XML 1.0 cannot carry are replaced by U+FFFD.
 */
public final class SvgCanvas implements Canvas {

    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder();
    private int clipCount;

    /** Creates a canvas of the given size in pixels. */
    public SvgCanvas(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("canvas size must be positive, got "
                    + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Pen pen) {
        body.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
                .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
                .append('"').append(stroke(pen)).append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, Pen pen) {
        body.append("<polyline points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        body.append("\" fill=\"none\"").append(stroke(pen)).append("/>\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, Pen pen) {
        body.append(rectStart(x, y, width, height)).append(" fill=\"none\"")
                .append(stroke(pen)).append("/>\n");
    }

    @Override
    public void fillRect(double x, double y, double width, double height, Color fill) {
        body.append(rectStart(x, y, width, height)).append(paint("fill", fill)).append("/>\n");
    }

    @Override
    public void text(String text, double x, double y, TextAnchor anchor, TextStyle style) {
        body.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" font-family=\"sans-serif\" font-size=\"").append(num(style.size()))
                .append('"').append(paint("fill", style.color()))
                .append(" text-anchor=\"").append(anchor.name().toLowerCase(Locale.ROOT))
                .append('"');
        if (style.bold()) {
            body.append(" font-weight=\"bold\"");
        }
        if (style.vertical()) {
            body.append(" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y))
                    .append(")\"");
        }
        body.append('>').append(escapeXml(text)).append("</text>\n");
    }

    @Override
    public void clipped(double x, double y, double width, double height, Runnable drawing) {
        String id = "clip" + (++clipCount);
        body.append("<clipPath id=\"").append(id).append("\">")
                .append(rectStart(x, y, width, height)).append("/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
        drawing.run();
        body.append("</g>\n");
    }

    /** The complete SVG document drawn so far. */
    public String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
                + body + "</svg>\n";
    }

    private static String rectStart(double x, double y, double width, double height) {
        return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(width)
                + "\" height=\"" + num(height) + '"';
    }

    private static String stroke(Pen pen) {
        StringBuilder s = new StringBuilder(paint("stroke", pen.color()))
                .append(" stroke-width=\"").append(num(pen.width()))
                .append("\" stroke-linejoin=\"round\"");
        float[] dash = pen.dashPattern();
        if (dash.length > 0) {
            s.append(" stroke-dasharray=\"").append(num(dash[0])).append(',')
                    .append(num(dash[1])).append('"');
        }
        return s.toString();
    }

    /** A colour attribute, plus an opacity attribute when the colour is translucent. */
    private static String paint(String attribute, Color color) {
        String paint = String.format(Locale.ROOT, " %s=\"#%02x%02x%02x\"", attribute,
                color.getRed(), color.getGreen(), color.getBlue());
        if (color.getAlpha() < 255) {
            paint += " " + attribute + "-opacity=\"" + num(color.getAlpha() / 255.0) + '"';
        }
        return paint;
    }

    /** Two decimals are well below a pixel and keep the file small. */
    static String num(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    static String escapeXml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (allowedInXml(c)) {
                        escaped.appendCodePoint(c);
                    } else {
                        escaped.append('\uFFFD');
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
