package cyborg.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HistogramFigureTest {
    private static final String BLUE = "rgb(31,119,180)";
    private static final String ORANGE = "rgb(255,127,14)";

    @TempDir
    Path dir;

    @Test
    void valuesFallInHalfOpenBinsAndTheMaximumInTheLast() {
        Histogram h = Histogram.of(new double[] {0, 0.1, 0.2499, 0.25, 0.5, 0.99, 1.0}, 0, 1, 4);
        assertArrayEquals(new int[] {3, 1, 1, 2}, h.counts());
        assertEquals(7, h.total());
        assertEquals(0.75, h.edge(3));
        assertEquals(1.0, h.edge(4));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {1.01}, 0, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {Double.NaN}, 0, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {}, 1, 1, 4));
    }

    private static HistogramFigure twoSeries() {
        return HistogramFigure.builder().title("Agreement").xLabel("mean pairwise IoU").yLabel("images")
                .series("Real", Histogram.of(new double[] {0.1, 0.15, 0.9}, 0, 1, 5))
                .series("Synthetic", Histogram.of(new double[] {0.5, 0.7}, 0, 1, 5)).build();
    }

    @Test
    void pngHasTheAskedSize() throws IOException {
        Path png = dir.resolve("h.png");
        twoSeries().writePng(png, 640, 400);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
    }

    @Test
    void svgIsStandaloneWithItsTextsAndOneFilledBarPerNonEmptyBinInItsSeriesColour() throws IOException {
        Path svg = dir.resolve("h.svg");
        twoSeries().writeSvg(svg, 640, 400);
        String text = Files.readString(svg);
        assertFalse(text.contains("<!DOCTYPE") || text.contains("href=") || text.contains("url(http"), text);
        Document doc = SvgDocuments.parse(text);
        List<String> texts = SvgDocuments.texts(doc);
        assertTrue(texts.containsAll(List.of("Agreement", "mean pairwise IoU", "images", "Real", "Synthetic")),
                texts::toString);
        // Real fills bins 0 (two values) and 4 (one): two bars, the first twice as tall, left of the second
        List<Element> real = bars(doc, BLUE);
        assertEquals(2, real.size(), text);
        assertEquals(2.0, height(real.get(0)) / height(real.get(1)), 1e-6);
        assertTrue(x(real.get(0)) < x(real.get(1)));
        List<Element> synthetic = bars(doc, ORANGE);
        assertEquals(2, synthetic.size(), "Synthetic fills bins 2 and 3");
        assertEquals(height(synthetic.get(0)), height(synthetic.get(1)), 1e-6);
        assertEquals(2.0, height(real.get(0)) / height(synthetic.get(0)), 1e-6);
    }

    /** The bars (rectangles) filled with this colour. */
    private static List<Element> bars(Document doc, String colour) {
        return SvgDocuments.elements(doc, "rect").stream()
                .filter(r -> r.getAttribute("style").contains("fill:" + colour)).toList();
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }

    private static double x(Element rect) {
        return Double.parseDouble(rect.getAttribute("x"));
    }

    @Test
    void refusesSeriesOverOtherBinsAndAFigureWithoutSeries() {
        HistogramFigure.Builder b = HistogramFigure.builder().series("a", Histogram.of(new double[] {0.5}, 0, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> b.series("b", Histogram.of(new double[] {0.5}, 0, 1, 4)));
        assertThrows(IllegalArgumentException.class, () -> HistogramFigure.builder().build());
    }
}
