package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Lossy WebP decodes to exactly PIL's {@code Image.open(f).convert("RGB")} pixels: tolerance 0,
 * over images of odd and even sizes, with and without alpha, both loop filters, sharpness,
 * segments on and off, skipped macroblocks and 8 token partitions. Before cyborg had its own VP8
 * decoder (TwelveMonkeys' replicates chroma and filters too late) these differed by up to 126
 * levels. The images and PIL's pixels come from tools/golden/make_webp_golden.py.
 */
class LossyWebpGoldenTest {
    /** webp.json as written by the script. */
    private record GoldenFile(String pillow, String libwebp, List<Case> cases) {}

    private record Case(String file, int width, int height, String pilMode, String why, String encoder, String rgb) {}

    @TestFactory
    Stream<DynamicTest> lossyWebpDecodesToPilPixelsExactly() throws IOException {
        Path dir = Golden.dir().resolveSibling("webp");
        GoldenFile golden;
        try (Reader r = Files.newBufferedReader(dir.resolve("webp.json"))) {
            golden = new Gson().fromJson(r, GoldenFile.class);
        }
        return golden.cases().stream().map(c -> DynamicTest.dynamicTest(c.file() + " (" + c.why() + ")", () -> {
            RgbImage img = ImageFiles.readRgb(dir.resolve(c.file()));
            assertEquals(c.width() + "x" + c.height(), img.width() + "x" + img.height(), c.file());
            byte[] pil = Base64.getDecoder().decode(c.rgb());
            int diff = Golden.maxAbsDiff(pil, img.pixels());
            int differing = 0;
            for (int i = 0; i < pil.length; i++) {
                differing += pil[i] != img.pixels()[i] ? 1 : 0;
            }
            System.out.println("GOLDEN webp " + c.file() + " max-diff-vs-pil " + diff + " samples-differing " + differing);
            assertEquals(0, diff, c.file() + " (" + c.encoder() + ") differs from PIL " + golden.pillow()
                    + " / libwebp " + golden.libwebp() + " in " + differing + " of " + pil.length + " samples");
        }));
    }
}
