package cyborg.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LineChartTest {

    private static final int TAB10_BLUE = 0x1f77b4;

    @TempDir
    Path dir;

    private static LineChart twoSeries() {
        return LineChart.builder()
                .title("Training")
                .xLabel("epoch")
                .yLabel("loss")
                .series("train", new double[] {1, 2, 3}, new double[] {1.0, 0.6, 0.4})
                .series(new Series("val", new double[] {1, 2, 3}, new double[] {1.1, 0.8, 0.7},
                        true))
                .build();
    }

    @Test
    void rendersWithoutADisplay() {
        // The build runs with -Djava.awt.headless=true; the other tests rely on it working.
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void pngIsReadableImageOfRequestedSizeWithDrawnSeries() throws IOException {
        Path png = dir.resolve("chart.png");
        twoSeries().writePng(png, 320, 240);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable image");
        assertEquals(320, image.getWidth());
        assertEquals(240, image.getHeight());
        assertTrue(countPixels(image, 0xffffff) < 320 * 240 * 0.95, "hardly anything drawn");
        assertTrue(countPixels(image, TAB10_BLUE) > 20, "first series colour missing");
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void svgParsesAndHasOnePolylinePerSeriesAndItsName() throws IOException {
        Path svg = dir.resolve("chart.svg");
        twoSeries().writeSvg(svg, 320, 240);
        Document doc = SvgDocuments.parse(svg);
        assertEquals("320", doc.getDocumentElement().getAttribute("width"));
        List<Element> lines = SvgDocuments.elements(doc, "polyline");
        assertEquals(2, lines.size());
        assertEquals("#1f77b4", lines.get(0).getAttribute("stroke"));
        assertEquals("#ff7f0e", lines.get(1).getAttribute("stroke"));
        assertTrue(lines.get(1).hasAttribute("stroke-dasharray"), "val should be dashed");
        List<String> texts = SvgDocuments.texts(doc);
        assertTrue(texts.containsAll(List.of("train", "val", "Training", "epoch", "loss")),
                texts::toString);
    }

    @Test
    void escapesMarkupInTitleAndSeriesNames() throws IOException {
        Path svg = dir.resolve("chart.svg");
        LineChart.builder().title("A <&> B")
                .series("x<y & y>z", new double[] {0, 1}, new double[] {0, 1})
                .build().writeSvg(svg, 200, 150);
        List<String> texts = SvgDocuments.texts(SvgDocuments.parse(svg));
        assertTrue(texts.containsAll(List.of("A <&> B", "x<y & y>z")), texts::toString);
    }

    @Test
    void nanBreaksTheLineAndLonePointsBecomeMarkers() throws IOException {
        Path svg = dir.resolve("chart.svg");
        // Runs: {0} alone, {2, 3} joined, {5} alone.
        LineChart.builder()
                .series("loss", new double[] {0, 1, 2, 3, 4, 5},
                        new double[] {1, Double.NaN, 2, 3, Double.NaN, 4})
                .legend(false)
                .build().writeSvg(svg, 200, 150);
        Document doc = SvgDocuments.parse(svg);
        List<Element> lines = SvgDocuments.elements(doc, "polyline");
        assertEquals(1, lines.size());
        assertEquals(2, lines.get(0).getAttribute("points").split(" ").length);
        assertEquals(2, markers(doc).size());
    }

    @Test
    void singlePointSeriesIsDrawnAsMarker() throws IOException {
        Path svg = dir.resolve("chart.svg");
        LineChart.builder().series("best", new double[] {3}, new double[] {0.5}).legend(false)
                .build().writeSvg(svg, 200, 150);
        Document doc = SvgDocuments.parse(svg);
        assertEquals(0, SvgDocuments.elements(doc, "polyline").size());
        assertEquals(1, markers(doc).size());
    }

    private static List<Element> markers(Document doc) {
        return SvgDocuments.elements(doc, "rect").stream()
                .filter(r -> r.getAttribute("fill").equals("#1f77b4")).toList();
    }

    @Test
    void diagonalIsADashedReferenceLine() throws IOException {
        Path svg = dir.resolve("chart.svg");
        LineChart.builder().xRange(0, 1).yRange(0, 1).diagonal(true)
                .build().writeSvg(svg, 200, 150);
        boolean dashedLine = SvgDocuments.elements(SvgDocuments.parse(svg), "line").stream()
                .anyMatch(l -> l.hasAttribute("stroke-dasharray"));
        assertTrue(dashedLine);
    }

    @Test
    void fixedRangeSetsTheTickLabels() throws IOException {
        Path svg = dir.resolve("chart.svg");
        LineChart.builder().xRange(0, 10).yRange(-1, 1)
                .series("s", new double[] {50}, new double[] {50}).legend(false)
                .build().writeSvg(svg, 400, 300);
        List<String> texts = SvgDocuments.texts(SvgDocuments.parse(svg));
        // The data point at (50, 50) must not stretch the axes; 0..10 ticks every 2.5.
        assertTrue(texts.containsAll(List.of("0.0", "10.0", "-1.0", "1.0")), texts::toString);
        assertFalse(texts.contains("50"), texts::toString);
    }

    @Test
    void rejectsEmptyOrReversedRange() {
        assertThrows(IllegalArgumentException.class, () -> LineChart.builder().xRange(1, 1));
        assertThrows(IllegalArgumentException.class, () -> LineChart.builder().yRange(1, 0));
    }
}
