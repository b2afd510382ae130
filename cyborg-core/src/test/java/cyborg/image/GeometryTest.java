package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Flip and crop keep an image and its map aligned. */
class GeometryTest {
    private static RgbImage indexed(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            px[3 * i] = (byte) i;
            px[3 * i + 1] = (byte) (i + 100);
            px[3 * i + 2] = (byte) (200 - i);
        }
        return new RgbImage(w, h, px);
    }

    private static float[] indexedMap(int w, int h) {
        float[] m = new float[w * h];
        for (int i = 0; i < m.length; i++) {
            m[i] = i;
        }
        return m;
    }

    @Test
    void flipMirrorsImageAndMapTheSameWay() {
        RgbImage img = indexed(3, 2);
        RgbImage f = Geometry.flipHorizontal(img);
        float[] m = Geometry.flipHorizontal(indexedMap(3, 2), 3, 2);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(img.rgb(2 - x, y), f.rgb(x, y));
                // the map value at (x, y) names the source pixel, which must match the image's
                int srcIndex = (int) m[y * 3 + x];
                assertEquals(img.rgb(srcIndex % 3, srcIndex / 3), f.rgb(x, y));
            }
        }
        assertArrayEquals(img.pixels(), Geometry.flipHorizontal(f).pixels(), "flip twice = identity");
    }

    @Test
    void cropTakesTheSameRegionFromImageAndMap() {
        RgbImage img = indexed(5, 4);
        RgbImage c = Geometry.crop(img, 1, 2, 3, 2);
        float[] m = Geometry.crop(indexedMap(5, 4), 5, 4, 1, 2, 3, 2);
        assertEquals(3, c.width());
        assertEquals(2, c.height());
        assertArrayEquals(new float[] {11, 12, 13, 16, 17, 18}, m);
        for (int i = 0; i < m.length; i++) {
            int src = (int) m[i];
            assertEquals(img.rgb(src % 5, src / 5), c.rgb(i % 3, i / 3));
        }
    }

    @Test
    void cropOutsideIsRejected() {
        RgbImage img = indexed(5, 4);
        assertThrows(IllegalArgumentException.class, () -> Geometry.crop(img, 3, 0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> Geometry.crop(img, -1, 0, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Geometry.crop(new float[20], 5, 4, 0, 3, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Geometry.flipHorizontal(new float[7], 2, 3));
    }
}
