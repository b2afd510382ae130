package cyborg.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LineFigureTest {

    private static final double[] EPOCHS = {1, 2, 3, 4, 5};
    private static final String BLUE = "rgb(31,119,180)";
    private static final String ORANGE = "rgb(255,127,14)";

    @TempDir
    Path dir;

    private static LineFigure twoLines() {
        return LineFigure.builder().title("Training loss").xLabel("epoch").yLabel("loss").wholeNumberX()
                .series("total", EPOCHS, new double[] {0.9, 0.7, 0.5, 0.4, 0.35})
                .series("ce", EPOCHS, new double[] {0.6, 0.5, 0.4, 0.3, 0.25})
                .build();
    }

    @Test
    void pngHasTheAskedSize() throws IOException {
        Path png = dir.resolve("loss.png");
        twoLines().writePng(png, 720, 480);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(720, image.getWidth());
        assertEquals(480, image.getHeight());
    }

    @Test
    void svgIsStandaloneXmlWithTitleLabelsAndLegendAsText() throws IOException {
        Path svg = dir.resolve("loss.svg");
        twoLines().writeSvg(svg, 720, 480);
        String text = Files.readString(svg);
        // Nothing to fetch: no DOCTYPE, no linked image or style sheet.
        assertFalse(text.contains("<!DOCTYPE") || text.contains("href=") || text.contains("url(http"), text);
        List<String> texts = SvgDocuments.texts(SvgDocuments.parse(text));
        assertTrue(texts.containsAll(List.of("Training loss", "epoch", "loss", "total", "ce")), texts::toString);
    }

    @Test
    void eachSeriesIsOneDrawnLineInItsOwnColour() {
        Document doc = SvgDocuments.parse(twoLines().svgElement(520, 360, "t"));
        List<Element> lines = SvgDocuments.drawnLines(doc);
        assertEquals(2, lines.size());
        assertEquals(Set.of(BLUE, ORANGE), lines.stream().map(SvgDocuments::strokeOf).collect(Collectors.toSet()));
    }

    @Test
    void aMissingValueBreaksTheLineAndALonePointGetsAMarker() {
        LineFigure figure = LineFigure.builder().xLabel("epoch").yLabel("loss")
                .series("gappy", EPOCHS, new double[] {0.9, Double.NaN, 0.5, 0.4, Double.POSITIVE_INFINITY})
                .build();
        Document doc = SvgDocuments.parse(figure.svgElement(520, 360, "t"));
        List<String> paths = SvgDocuments.elements(doc, "path").stream()
                .filter(p -> BLUE.equals(SvgDocuments.strokeOf(p))).map(p -> p.getAttribute("d")).toList();
        List<String> lines = paths.stream().filter(d -> !d.endsWith("Z")).toList();
        // The legend's sample and the line from epoch 3 to 4: one segment each, none across a gap.
        assertEquals(2, lines.size(), paths::toString);
        assertTrue(lines.stream().allMatch(d -> count(d, 'L') == 1), paths::toString);
        assertTrue(paths.stream().anyMatch(d -> d.endsWith("Z")), "no marker at epoch 1: " + paths);
    }

    private static long count(String d, char command) {
        return d.chars().filter(c -> c == command).count();
    }

    @Test
    void tickLabelsCarryTheStepsDecimalsInAnyLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            LineFigure figure = LineFigure.builder().xLabel("x").yLabel("y").xRange(0, 1).yRange(0, 1)
                    .series("s", new double[] {0, 1}, new double[] {0, 1}).build();
            List<String> texts = SvgDocuments.texts(SvgDocuments.parse(figure.svgElement(640, 600, "t")));
            assertTrue(texts.containsAll(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0")), texts::toString);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void internalIdsStartWithTheGivenPrefixSoFiguresCanShareAPage() {
        Document doc = SvgDocuments.parse(twoLines().svgElement(520, 360, "entropy"));
        List<Element> clips = SvgDocuments.elements(doc, "clipPath");
        assertFalse(clips.isEmpty());
        assertTrue(clips.stream().allMatch(c -> c.getAttribute("id").startsWith("entropy")));
    }

    @Test
    void rejectsASeriesWhoseCoordinatesDoNotPair() {
        assertThrows(IllegalArgumentException.class,
                () -> LineFigure.builder().series("s", new double[] {1, 2}, new double[] {1}));
    }
}
