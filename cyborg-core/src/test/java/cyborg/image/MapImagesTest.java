package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gray and jet-overlay rendering of float maps. */
class MapImagesTest {
    @TempDir
    Path tmp;

    @Test
    void grayIsRoundedAndClipped() throws IOException {
        float[] map = {0f, 0.5f, 1f, -3f, 7f, Float.NaN, 0.001f, 0.999f};
        GrayImage g = MapImages.toGray(map, 4, 2);
        assertArrayEquals(new byte[] {0, (byte) 128, (byte) 255, 0, (byte) 255, 0, 0, (byte) 255}, g.pixels());
        Path png = tmp.resolve("map.png");
        MapImages.writeGray(map, 4, 2, png);
        assertArrayEquals(g.pixels(), Golden.pngSamples(png, 1), "written PNG is 8-bit gray with the same levels");
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "temporary files left behind");
        }
    }

    @Test
    void jetEndpointsAreOpenCvs() {
        // cv2.applyColorMap(level, COLORMAP_JET), as RGB: 0 -> dark blue (0,0,128),
        // 255 -> dark red (128,0,0), middle -> green-ish.
        assertEquals(0x000080, JetColormap.rgb(0));
        assertEquals(0x800000, JetColormap.rgb(255));
        int mid = JetColormap.rgb(128);
        assertEquals(255, (mid >> 8) & 0xFF);
        for (int i = 0; i < 256; i++) {
            int c = JetColormap.rgb(i);
            // Jet is saturated: its brightest channel is never below half intensity.
            int r = c >> 16;
            int gg = (c >> 8) & 0xFF;
            int b = c & 0xFF;
            assertTrue(Math.max(r, Math.max(gg, b)) >= 128, "level " + i);
        }
    }

    @Test
    void overlayBlendsUpsampledJetWithImage() throws IOException {
        byte[] px = new byte[4 * 4 * 3];
        java.util.Arrays.fill(px, (byte) 100);
        RgbImage img = new RgbImage(4, 4, px);
        float[] hot = {1f}; // 1x1 map, upsampled to 4x4: all 1.0 -> dark red
        RgbImage o = MapImages.overlay(img, hot, 1, 1);
        assertEquals(4, o.width());
        assertEquals((100 + 128 + 1) >> 1, o.get(2, 3, 0));
        assertEquals((100 + 1) >> 1, o.get(2, 3, 1));
        assertEquals((100 + 1) >> 1, o.get(2, 3, 2));

        float[] leftRight = {0f, 1f}; // 2x1: blue on the left, red on the right
        RgbImage lr = MapImages.overlay(img, leftRight, 2, 1);
        assertTrue(lr.get(0, 0, 2) > lr.get(0, 0, 0), "left is blue");
        assertTrue(lr.get(3, 0, 0) > lr.get(3, 0, 2), "right is red");

        Path png = tmp.resolve("overlay.png");
        MapImages.writeOverlay(img, leftRight, 2, 1, png);
        assertArrayEquals(lr.pixels(), ImageFiles.readRgb(png).pixels());
    }
}
