package cyborg.chart;

import cyborg.io.AtomicFiles;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as PNG or SVG: the one place every figure of this package is rendered to a file. */
final class ChartFiles {
    static {
        // Encode in memory, not through ImageIO's temp-file cache: each cached stream registers a
        // shutdown hook, which throws once Ctrl-C or SIGTERM started the JVM's shutdown (a run then
        // failed writing its curves instead of stopping cleanly); small images gain nothing from it.
        ImageIO.setUseCache(false);
    }

    /** Written before an SVG element to make it a standalone file; no DOCTYPE, so nothing is fetched. */
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private ChartFiles() {
    }

    /** Renders to a PNG of the given size in pixels, replacing the file atomically. */
    static void writePng(JFreeChart chart, Path path, int width, int height) throws IOException {
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        AtomicFiles.write(path, out -> ImageIO.write(image, "png", out));
    }

    /** Renders to a standalone SVG file of the given size in pixels, replacing it atomically. */
    static void writeSvg(JFreeChart chart, Path path, int width, int height, String idPrefix) throws IOException {
        byte[] svg = (XML_DECLARATION + svgElement(chart, width, height, idPrefix)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(path, out -> out.write(svg));
    }

    /**
     * The chart as one {@code <svg>} element, for inlining in HTML. Its internal ids (clip paths)
     * start with {@code idPrefix}, which must differ between figures of one page.
     */
    static String svgElement(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // A fixed prefix instead of JFreeSVG's clock-based default keeps output reproducible.
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement();
    }
}
