package cyborg.eval;

import cyborg.chart.SvgDocuments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.metrics.RocCurve;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class RocPlotTest {

    // Real {0.2, 0.5}, Synthetic {0.5, 0.9}: AUC 3.5 / 4 = 0.875.
    private static final RocCurve TIED = new RocCurve(new double[] {0.2, 0.5, 0.5, 0.9},
            new int[] {0, 0, 1, 1});
    // Perfectly separated: AUC 1.
    private static final RocCurve PERFECT = new RocCurve(new double[] {0.1, 0.9},
            new int[] {0, 1});

    @TempDir
    Path dir;

    @Test
    void legendLabelCarriesTheAucToThreeDecimals() {
        assertEquals("run-1 (AUC 0.875)", RocPlot.legendLabel("run-1", TIED));
    }

    @Test
    void writesPngAndSvgWithCurvesInMapOrder() throws IOException {
        Map<String, RocCurve> curves = new LinkedHashMap<>();
        curves.put("run-2", PERFECT);
        curves.put("run-1", TIED);
        Path png = dir.resolve("roc.png");
        Path svg = dir.resolve("roc.svg");
        RocPlot.write(png, svg, curves);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(RocPlot.WIDTH, image.getWidth());
        assertEquals(RocPlot.HEIGHT, image.getHeight());

        Document doc = SvgDocuments.parse(svg);
        // One drawn line per curve, each in its own colour.
        assertEquals(2, SvgDocuments.drawnLines(doc).stream().map(SvgDocuments::strokeOf).distinct().count());
        assertEquals(2, SvgDocuments.drawnLines(doc).size());
        List<String> texts = SvgDocuments.texts(doc);
        assertTrue(texts.containsAll(List.of("run-2 (AUC 1.000)", "run-1 (AUC 0.875)",
                "False detection rate", "True detection rate", "0.0", "1.0")), texts::toString);
        assertTrue(texts.indexOf("run-2 (AUC 1.000)") < texts.indexOf("run-1 (AUC 0.875)"));
    }

    @Test
    void nullPathSkipsThatFormat() throws IOException {
        Path svg = dir.resolve("roc.svg");
        RocPlot.write(null, svg, Map.of("run-1", TIED));
        assertTrue(Files.exists(svg));
        assertFalse(Files.exists(dir.resolve("roc.png")));
    }

    @Test
    void rejectsAnEmptySetOfCurves() {
        assertThrows(IllegalArgumentException.class, () -> RocPlot.chart(Map.of()));
    }
}
