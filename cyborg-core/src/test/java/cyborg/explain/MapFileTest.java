package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class MapFileTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyPngColourModelReadsAsPilConvertL() {
        List<String[]> rows = MeasureGolden.rows("formats.tsv");
        assertTrue(rows.size() >= 8, "too few format cases: " + rows.size());
        return rows.stream().map(r -> DynamicTest.dynamicTest(r[0] + " (PIL mode " + r[2] + ")", () -> {
            GrayMap expected = MeasureGolden.pgm(r[1]);
            GrayMap actual = MapFile.read(MeasureGolden.dir().resolve(r[0]));
            assertEquals(expected.width(), actual.width());
            assertEquals(expected.height(), actual.height());
            assertArrayEquals(expected.values(), actual.values(), r[0]);
        }));
    }

    @Test
    void grayGoldenMapsReadAsStored() throws IOException {
        GrayMap viaMapFile = MapFile.read(MeasureGolden.dir().resolve("maps/noise_12w_7h.png"));
        GrayMap raw = MeasureGolden.grayPng("maps/noise_12w_7h.png");
        assertEquals(12, viaMapFile.width());
        assertEquals(7, viaMapFile.height());
        assertArrayEquals(raw.values(), viaMapFile.values());
    }

    @Test
    void grayValuesAreNotPassedThroughAColourCurve() throws IOException {
        // BufferedImage.getRGB would turn a stored gray 100 into sRGB 171.
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 100);
        img.getRaster().setSample(1, 0, 0, 1);
        Path file = tmp.resolve("gray.png");
        ImageIO.write(img, "png", file.toFile());
        assertArrayEquals(new int[] {100, 1}, MapFile.read(file).values());
    }


    @Test
    void missingFileIsReportedByName() {
        Path missing = tmp.resolve("no_such_map.png");
        IOException e = assertThrows(IOException.class, () -> MapFile.read(missing));
        assertTrue(e.getMessage().contains("no_such_map.png"), e.getMessage());
    }

    @Test
    void fileThatIsNotAnImageIsReportedByName() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.png"), "not an image");
        IOException e = assertThrows(IOException.class, () -> MapFile.read(text));
        assertTrue(e.getMessage().contains("notes.png"), e.getMessage());
    }

    @Test
    void truncatedPngIsReportedByName() throws IOException {
        byte[] png = Files.readAllBytes(MeasureGolden.dir().resolve("maps/noise_32x32.png"));
        Path cut = Files.write(tmp.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length / 2));
        IOException e = assertThrows(IOException.class, () -> MapFile.read(cut));
        assertTrue(e.getMessage().contains("cut.png"), e.getMessage());
    }

    @Test
    void sixteenBitMapIsRejectedRatherThanClippedToWhite() throws IOException {
        BufferedImage img = new BufferedImage(3, 3, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(1, 1, 0, 40000);
        Path file = tmp.resolve("deep.png");
        ImageIO.write(img, "png", file.toFile());
        IOException e = assertThrows(IOException.class, () -> MapFile.read(file));
        assertTrue(e.getMessage().contains("deep.png") && e.getMessage().contains("16-bit"), e.getMessage());
    }
}
