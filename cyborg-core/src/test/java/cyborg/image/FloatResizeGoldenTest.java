package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Float-map resize against PIL mode 'F' bilinear resize (saliency maps to CAM size and back):
 * required within 1e-5, and expected bit-identical.
 */
class FloatResizeGoldenTest {

    @TestFactory
    Stream<DynamicTest> floatResizeMatchesPilModeF() {
        List<Golden.Case> cases = Golden.cases("float");
        assertTrue(cases.size() >= 10);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Golden.Case c) throws IOException {
        int w;
        int h;
        float[] input;
        if (c.source().equals("luma_000170")) {
            RgbImage img = ImageFiles.readRgb(SharedData.require("data/cyborg-gan-samples/000170.png"));
            input = Luminance.toFloat(img);
            w = img.width();
            h = img.height();
        } else {
            Golden.Floats f = Golden.floats(Golden.dir().resolve("float/" + c.source() + ".bin"));
            input = f.values();
            w = f.width();
            h = f.height();
        }
        Golden.Floats expected = Golden.floats(Golden.dir().resolve(c.file()));
        float[] actual = Resampler.resize(input, w, h, c.width(), c.height());
        double max = Golden.maxAbsDiff(expected.values(), actual);
        System.out.println("GOLDEN float " + c.name() + " " + w + "x" + h + " -> " + c.width() + "x"
                + c.height() + " maxAbsDiff=" + max + " bitIdentical=" + c.sha256().equals(Golden.sha256(actual)));
        assertTrue(max <= 1e-5, c.name() + ": max abs difference " + max);
        assertEquals(c.sha256(), Golden.sha256(actual), c.name() + ": not bit-identical to PIL mode F");
    }

    @Test
    void downscaleAveragesAllPixels() {
        // 4x4 -> 1x1 with the widened (antialiasing) filter weighs every pixel; a plain
        // bilinear sample at the centre would only see the middle four.
        float[] map = new float[16];
        map[0] = 1f;
        float[] out = Resampler.resize(map, 4, 4, 1, 1);
        assertTrue(out[0] > 0f && out[0] < 0.1f, "corner must contribute a little: " + out[0]);
    }
}
