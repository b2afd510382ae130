package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoded-size limit, checked from the header, and running out of memory while decoding. */
class PixelLimitTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearLimit() {
        System.clearProperty(PixelLimit.PROPERTY);
    }

    @Test
    void imageOverTheLimitIsRefusedFromItsHeaderBeforeDecoding() throws IOException {
        // 20000 x 20000 declared, no pixel data: decoding would fail as corrupt, so TOO_LARGE
        // shows the header was checked first.
        Path huge = Files.write(tmp.resolve("huge.png"), pngHeaderOnly(20000, 20000));
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(huge));
        assertEquals(ImageDecodeException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("huge.png"), e.getMessage());
        assertTrue(e.getMessage().contains("20000x20000 (400.0 megapixels), over the decoded-size limit of 100.0"),
                e.getMessage());
        assertTrue(e.getMessage().contains(PixelLimit.ENV), e.getMessage());
    }

    @Test
    void limitIsSetBySystemProperty() throws IOException {
        Path small = Golden.dir().resolveSibling("decode").resolve("gray.png"); // 16 x 12
        System.setProperty(PixelLimit.PROPERTY, "191");
        assertEquals(ImageDecodeException.Reason.TOO_LARGE,
                assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(small)).reason());
        System.setProperty(PixelLimit.PROPERTY, "192");
        assertEquals(16, ImageFiles.readRgb(small).width());
    }

    @Test
    void nonsenseLimitIsRefusedNamingTheSetting() {
        System.setProperty(PixelLimit.PROPERTY, "lots");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, PixelLimit::current);
        assertTrue(e.getMessage().contains("-D" + PixelLimit.PROPERTY + "=lots"), e.getMessage());
    }

    @Test
    void runningOutOfMemoryWhileDecodingIsAnErrorNamingTheFile() throws Exception {
        // 4000 x 4000 RGB needs ~100 MB to decode; the child JVM has 48 MB and the limit is off.
        Path big = tmp.resolve("big.png");
        ImageFiles.writePng(new RgbImage(4000, 4000, new byte[4000 * 4000 * 3]), big);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx48m", "-Djava.awt.headless=true",
                "-D" + PixelLimit.PROPERTY + "=" + Long.MAX_VALUE, "-cp", System.getProperty("java.class.path"),
                DecodeInSmallHeap.class.getName(), big.toString()))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(DecodeInSmallHeap.TOO_LARGE, p.exitValue(), out);
        assertTrue(out.contains("big.png: ran out of memory decoding the image (4000x4000, 16.0 megapixels)"), out);
    }

    /** A PNG signature and IHDR declaring {@code w x h} RGB, then IEND: no pixel data at all. */
    private static byte[] pngHeaderOnly(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
