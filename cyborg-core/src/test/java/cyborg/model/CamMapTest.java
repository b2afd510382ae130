package cyborg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cyborg.image.JetColormap;
import cyborg.image.Resampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The one map type: its size is checked, and every rendering reads the same 8-bit levels. */
class CamMapTest {
    /** 2 rows x 3 columns. */
    private static final CamMap MAP = new CamMap(2, 3, new float[] {0f, 0.5f, 1f, Float.NaN, 0.25f, 2f});

    @Test
    void aMapWhoseValuesAreNotItsSizeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CamMap(2, 2, new float[5]));
        assertEquals("map of 5 values is not 2x2", e.getMessage());
    }

    @Test
    void grayLevelsAreRoundedClippedAndNanIsZeroInTheWrittenPng(@TempDir Path dir) throws IOException {
        byte[] want = {0, (byte) 128, (byte) 255, 0, 64, (byte) 255};
        assertArrayEquals(want, MAP.gray().pixels());
        Path png = dir.resolve("m.png");
        MAP.writeGray(png);
        assertArrayEquals(Files.readAllBytes(png), MAP.grayPng());
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(3, read.getWidth());
        assertEquals(2, read.getHeight());
        assertEquals(128, read.getRaster().getSample(1, 0, 0));
    }

    @Test
    void upsampledIsTheResamplersBilinearAtTheGivenSize() {
        CamMap up = MAP.upsampled(6);
        assertEquals(6, up.height());
        assertEquals(6, up.width());
        assertArrayEquals(Resampler.resize(MAP.values(), 3, 2, 6, 6), up.values());
    }

    @Test
    void jetIsTheColourmapOfTheGrayLevels() throws IOException {
        BufferedImage jet = ImageIO.read(new ByteArrayInputStream(MAP.jetPng()));
        byte[] levels = MAP.gray().pixels();
        for (int i = 0; i < levels.length; i++) {
            assertEquals(JetColormap.rgb(levels[i] & 0xFF) & 0xFFFFFF, jet.getRGB(i % 3, i / 3) & 0xFFFFFF, "cell " + i);
        }
    }
}
