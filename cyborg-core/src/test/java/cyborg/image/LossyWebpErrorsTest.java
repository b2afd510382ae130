package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged lossy WebP files that libwebp (and so PIL) refuses are refused here too, naming the
 * file, instead of being decoded from whatever bytes are there. Made from the golden images of
 * tools/golden/make_webp_golden.py.
 */
class LossyWebpErrorsTest {
    @TempDir
    Path tmp;

    private static byte[] golden(String name) throws Exception {
        return Files.readAllBytes(Golden.dir().resolveSibling("webp").resolve(name));
    }

    private static void putLe32(byte[] d, int at, int v) {
        ByteBuffer.wrap(d, at, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(v);
    }

    private ImageDecodeException refused(String name, byte[] data) throws Exception {
        Path file = Files.write(tmp.resolve(name), data);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(file));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(e.getMessage().contains("truncated or corrupt WEBP"), e.getMessage());
        return e;
    }

    @Test
    void aFileCutInsideItsVp8ChunkIsRefused() throws Exception {
        byte[] full = golden("48x40.webp");
        ImageDecodeException e = refused("cut.webp", Arrays.copyOf(full, full.length / 2));
        assertTrue(e.getMessage().contains("the VP8 chunk needs"), e.getMessage());
    }

    @Test
    void tokenDataCutShortWithConsistentSizesIsRefused() throws Exception {
        // Sizes rewritten to match the cut, so only the bool decoder running dry can tell.
        byte[] full = golden("48x40.webp");
        byte[] cut = Arrays.copyOf(full, full.length - 200);
        putLe32(cut, 4, cut.length - 8);
        putLe32(cut, 16, cut.length - 20);
        ImageDecodeException e = refused("short-tokens.webp", cut);
        assertTrue(e.getMessage().contains("truncated (macroblock"), e.getMessage());
    }

    @Test
    void aFileShorterThanItsRiffHeaderSaysIsRefused() throws Exception {
        // libwebp refuses it even though the image chunk itself is complete
        byte[] data = golden("16x16.webp");
        putLe32(data, 4, data.length - 8 + 64);
        ImageDecodeException e = refused("short-riff.webp", data);
        assertTrue(e.getMessage().contains("the RIFF header says"), e.getMessage());
    }

    @Test
    void aVp8xCanvasThatDisagreesWithTheFrameIsRefused() throws Exception {
        byte[] data = golden("33x31-alpha.webp");
        assertEquals("VP8X", new String(data, 12, 4, StandardCharsets.US_ASCII));
        data[24] = (byte) (40 - 1); // canvas width - 1, 24-bit little endian
        ImageDecodeException e = refused("canvas.webp", data);
        assertTrue(e.getMessage().contains("the frame is 33x31 but the file header says 40x31"), e.getMessage());
    }
}
