package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Every format and colour mode decodes to PIL's {@code Image.convert("RGB")} pixels: CMYK JPEG
 * (inverted Adobe CMYK, as PIL and Photoshop write it), ICC-tagged, progressive and gray JPEG,
 * palette PNG with transparency, gray+alpha, RGBA, 48-bit PNG, GIF, TIFF (RGB, CMYK, gray) and
 * WebP. The images and PIL's pixels come from tools/golden/make_decode_golden.py; each case
 * carries its tolerance and why (0 for lossless formats and lossy WebP; a level or two for JPEG,
 * whose decoders may round differently). {@link LossyWebpGoldenTest} covers lossy WebP in depth.
 */
class PilDecodeGoldenTest {
    /** decode.json as written by the script. */
    private record GoldenFile(String pillow, List<Case> cases) {}

    private record Case(String file, int width, int height, String pilMode, int tolerance, String why, String rgb) {}

    @TestFactory
    Stream<DynamicTest> decodesLikePilConvertRgb() throws IOException {
        Path dir = Golden.dir().resolveSibling("decode");
        GoldenFile golden;
        try (Reader r = Files.newBufferedReader(dir.resolve("decode.json"))) {
            golden = new Gson().fromJson(r, GoldenFile.class);
        }
        return golden.cases().stream().map(c -> DynamicTest.dynamicTest(c.file() + " (" + c.pilMode() + ")", () -> {
            RgbImage img = ImageFiles.readRgb(dir.resolve(c.file()));
            assertEquals(c.width(), img.width(), c.file());
            assertEquals(c.height(), img.height(), c.file());
            int diff = Golden.maxAbsDiff(Base64.getDecoder().decode(c.rgb()), img.pixels());
            System.out.println("GOLDEN decode " + c.file() + " max-diff-vs-pil " + diff);
            assertTrue(diff <= c.tolerance(), c.file() + " differs from PIL " + golden.pillow() + " by " + diff
                    + " levels, allowed " + c.tolerance() + ": " + c.why());
        }));
    }
}
