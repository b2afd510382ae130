package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Luminance against PIL's convert('L'), byte for byte. */
class LuminanceGoldenTest {

    @TestFactory
    Stream<DynamicTest> grayMatchesPilOnImages() {
        return Golden.cases("luma").stream().filter(c -> !c.source().startsWith("synthetic:"))
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    GrayImage g = Luminance.toGray(ImageFiles.readRgb(Golden.source(c.source())));
                    assertEquals(c.sha256(), Golden.sha256(g.pixels()), c.name());
                }));
    }

    @Test
    void grayMatchesPilForEveryColour() {
        // 4096x4096 image holding each 24-bit colour once, in PIL's byte order (R, then G, then B).
        Golden.Case c = Golden.find("luma", "all_colours");
        byte[] px = new byte[3 << 24];
        for (int i = 0; i < 1 << 24; i++) {
            px[3 * i] = (byte) (i >> 16);
            px[3 * i + 1] = (byte) (i >> 8);
            px[3 * i + 2] = (byte) i;
        }
        GrayImage g = Luminance.toGray(new RgbImage(4096, 4096, px));
        assertEquals(c.sha256(), Golden.sha256(g.pixels()));
    }

    @Test
    void documentedFormulaEndpoints() {
        assertEquals(0, Luminance.of(0, 0, 0));
        assertEquals(255, Luminance.of(255, 255, 255));
        assertEquals(76, Luminance.of(255, 0, 0));   // PIL: 76
        assertEquals(150, Luminance.of(0, 255, 0));  // PIL: 150
        assertEquals(29, Luminance.of(0, 0, 255));   // PIL: 29
    }

    @Test
    void toFloatIsLevelOver255() {
        RgbImage img = new RgbImage(2, 1, new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        float[] f = Luminance.toFloat(img);
        assertEquals(0f, f[0]);
        assertEquals(1f, f[1]);
    }
}
