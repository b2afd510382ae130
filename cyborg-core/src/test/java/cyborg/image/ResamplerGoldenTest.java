package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Resampler against PIL's Image.resize(BILINEAR): downscale, upscale, non-square, mode L,
 * skipped passes. Every case must match PIL's bytes exactly (SHA-256 of the raw pixels); where
 * the PIL output is stored as PNG the max absolute difference is computed and printed too.
 * Setting -Dcyborg.golden.full=DIR (a directory made with --store-all) gives the difference
 * for every case.
 */
class ResamplerGoldenTest {

    @TestFactory
    Stream<DynamicTest> resizeMatchesPil() {
        List<Golden.Case> cases = Golden.cases("resize");
        assertTrue(cases.size() >= 30, "manifest has only " + cases.size() + " resize cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Golden.Case c) throws IOException {
        RgbImage src = ImageFiles.readRgb(Golden.source(c.source()));
        byte[] actual;
        int bands;
        if (c.mode().equals("L")) {
            actual = Resampler.resize(Luminance.toGray(src), c.width(), c.height()).pixels();
            bands = 1;
        } else {
            actual = Resampler.resize(src, c.width(), c.height()).pixels();
            bands = 3;
        }
        assertEquals((long) c.width() * c.height() * bands, actual.length);
        String diff = "";
        Path stored = storedOutput(c);
        if (stored != null) {
            int max = Golden.maxAbsDiff(Golden.pngSamples(stored, bands), actual);
            diff = " maxAbsDiff=" + max;
            assertEquals(0, max, c.name() + ": max abs difference from PIL");
        }
        System.out.println("GOLDEN resize " + c.name() + " " + src.width() + "x" + src.height()
                + " -> " + c.width() + "x" + c.height() + " " + c.mode() + diff);
        assertEquals(c.sha256(), Golden.sha256(actual), c.name() + ": SHA-256 of raw pixels differs from PIL's");
    }

    private static Path storedOutput(Golden.Case c) {
        if (c.stored()) {
            return Golden.dir().resolve(c.file());
        }
        String full = System.getProperty("cyborg.golden.full");
        if (full != null) {
            Path p = Path.of(full, "resize", c.name() + ".png");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void unchangedSizeIsACopy() {
        byte[] px = {1, 2, 3, 4, 5, 6};
        RgbImage img = new RgbImage(2, 1, px);
        RgbImage out = Resampler.resize(img, 2, 1);
        assertEquals(Golden.sha256(px), Golden.sha256(out.pixels()));
        assertTrue(out.pixels() != px, "must not alias the source");
    }

    @Test
    void constantImageStaysConstant() {
        // Weights sum to 1 in fixed point up to rounding; a flat 200 must stay exactly 200.
        byte[] px = new byte[37 * 23 * 3];
        java.util.Arrays.fill(px, (byte) 200);
        for (int[] s : new int[][] {{5, 3}, {100, 77}, {1, 1}, {37, 9}}) {
            RgbImage out = Resampler.resize(new RgbImage(37, 23, px), s[0], s[1]);
            for (byte b : out.pixels()) {
                assertEquals(200, b & 0xFF);
            }
        }
    }
}
