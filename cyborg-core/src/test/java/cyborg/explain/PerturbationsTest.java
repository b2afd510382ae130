package cyborg.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cyborg.image.RgbImage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

class PerturbationsTest {

    private static Plane ramp(int w, int h) {
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return new Plane(w, h, v);
    }

    private static RgbImage image(int w, int h) {
        byte[] px = new byte[w * h * 3];
        Random r = new Random(1);
        r.nextBytes(px);
        return new RgbImage(w, h, px);
    }

    private static GeometricTransform named(String name, int shift) {
        return GeometricTransform.reference(shift).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void referenceSetHasTwoFlipsEightShiftsAndTwoRotations() {
        List<GeometricTransform> t = GeometricTransform.reference(16);
        assertEquals(12, t.size());
        assertEquals(8, t.stream().filter(x -> x.kind() == GeometricTransform.Kind.SHIFT).count());
        assertTrue(t.stream().anyMatch(x -> x.name().equals("shift+16-16")));
    }

    @Test
    void flipsAndOppositeRotationsUndoThemselves() {
        Plane p = ramp(5, 3);
        assertArrayEquals(p.values(), named("flip-lr", 1).apply(named("flip-lr", 1).apply(p)).values());
        assertArrayEquals(p.values(), named("flip-tb", 1).apply(named("flip-tb", 1).apply(p)).values());
        Plane rotated = named("rot90-cw", 1).apply(p);
        assertEquals(3, rotated.width());
        assertEquals(5, rotated.height());
        assertArrayEquals(p.values(), named("rot90-ccw", 1).apply(rotated).values());
    }

    @Test
    void clockwiseRotationMovesTheTopLeftToTheTopRight() {
        // 2x2 [[0,1],[2,3]] rotated clockwise is [[2,0],[3,1]]
        assertArrayEquals(new float[] {2, 0, 3, 1}, named("rot90-cw", 1).apply(ramp(2, 2)).values());
    }

    @Test
    void shiftPadsByEdgeReplicationThenCrops() {
        // row [0 1 2 3] shifted right by 1: [0 0 1 2]; down by 1 repeats the first row
        Plane p = ramp(4, 2);
        assertArrayEquals(new float[] {0, 0, 1, 2, 4, 4, 5, 6}, named("shift+1+0", 1).apply(p).values());
        assertArrayEquals(new float[] {0, 1, 2, 3, 0, 1, 2, 3}, named("shift+0+1", 1).apply(p).values());
    }

    @Test
    void imageAndMapTransformsMoveTheSamePixels() {
        RgbImage img = image(6, 4);
        for (GeometricTransform t : GeometricTransform.reference(2)) {
            RgbImage ti = t.apply(img);
            Plane red = Channels.split(img)[0];
            assertArrayEquals(t.apply(red).values(), Channels.split(ti)[0].values(), t.name());
        }
    }

    @Test
    void saltAndPepperReplacesTheGivenShareWithBlackOrWhite() {
        RgbImage img = new RgbImage(100, 100, filled(100 * 100 * 3, (byte) 128));
        assertArrayEquals(img.pixels(), SaltPepper.apply(img, 0, new Random(1)).pixels());
        byte[] noisy = SaltPepper.apply(img, 0.25, new Random(1)).pixels();
        int changed = 0;
        int white = 0;
        for (byte b : noisy) {
            if (b != (byte) 128) {
                changed++;
                assertTrue(b == 0 || b == (byte) 255);
                white += b == (byte) 255 ? 1 : 0;
            }
        }
        assertEquals(0.25, changed / 30000.0, 0.01);
        assertEquals(0.5, white / (double) changed, 0.03);
    }

    @Test
    void gaussianBlurKeepsConstantsAndSpreadsAnImpulseByTheGaussian() {
        Plane flat = new Plane(9, 9, filledF(81, 7f));
        assertArrayEquals(flat.values(), GaussianBlur.apply(flat, 2).values(), 1e-5f);
        float[] v = new float[81];
        v[40] = 1;
        Plane blurred = GaussianBlur.apply(new Plane(9, 9, v), 1);
        double sum = 0;
        for (float x : blurred.values()) {
            sum += x;
        }
        assertEquals(1, sum, 1e-5);
        // centre over its horizontal neighbour is exp(1/2), as for a unit Gaussian
        assertEquals(Math.exp(0.5), blurred.values()[40] / blurred.values()[41], 1e-4);
    }

    @Test
    void degradationKeepsTheSalientRegionAndBlursTheRest() {
        RgbImage img = image(32, 32);
        float[] m = new float[32 * 32];
        for (int y = 12; y < 20; y++) {
            for (int x = 12; x < 20; x++) {
                m[y * 32 + x] = 1;
            }
        }
        Plane map = new Plane(32, 32, m);
        RgbImage background = SalienceDegradation.apply(img, map, false);
        RgbImage object = SalienceDegradation.apply(img, map, true);
        int centre = (16 * 32 + 16) * 3;
        int corner = 0;
        // the smoothed map peaks at the centre: level 10, sigma 0, the pixel is untouched
        assertEquals(img.pixels()[centre], background.pixels()[centre]);
        assertTrue(img.pixels()[corner] != background.pixels()[corner] || img.pixels()[corner + 1] != background.pixels()[corner + 1]);
        // the object variant does the opposite
        assertEquals(img.pixels()[corner], object.pixels()[corner]);
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, v);
        return b;
    }

    private static float[] filledF(int n, float v) {
        float[] b = new float[n];
        java.util.Arrays.fill(b, v);
        return b;
    }
}
