package cyborg.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Decoding of colour models like PIL's convert('RGB'), header-only size, and error reporting. */
class ImageFilesTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> colourModelsConvertLikePil() {
        // gray, gray+alpha, RGBA, palette, 1-bit, 16-bit gray PNG; 24-bit and 8-bit BMP; GIF.
        return Golden.cases("format").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            RgbImage img = ImageFiles.readRgb(Golden.source(c.source()));
            assertEquals(c.width(), img.width());
            assertEquals(c.height(), img.height());
            assertEquals(c.sha256(), Golden.sha256(img.pixels()), c.name() + " differs from PIL convert('RGB')");
        }));
    }

    @Test
    void truncatedPngIsRejected() throws IOException {
        Path half = halfOf(SharedData.require("data/cyborg-gan-samples/000170.png"), "half.png");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(half));
        assertEquals(ImageDecodeException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("half.png"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated or corrupt PNG"), e.getMessage());
        assertTrue(e.getMessage().contains("Re-copy"), e.getMessage());
    }

    @Test
    void truncatedJpegIsRejectedAlthoughImageIoDecodesIt() throws IOException {
        Path half = halfOf(SharedData.require("data/public-domain-faces/grace_hopper_512x512.jpg"), "half.jpg");
        // The trap this guards against: plain ImageIO returns a half-grey image without error.
        BufferedImage silently = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(half)));
        assertEquals(512, silently.getWidth());
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(half));
        assertEquals(ImageDecodeException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("half.jpg"), e.getMessage());
        // JDK 17's libjpeg reports "Truncated File - Missing EOI marker; ... premature end of data segment".
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("premature end"), e.getMessage());
    }

    @Test
    void truncatedGifAndBmpAreRejected() throws IOException {
        for (String name : new String[] {"palette.gif", "rgb.bmp", "gray.png"}) {
            Path half = halfOf(Golden.dir().resolve("formats/" + name), "half-" + name);
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(half));
            assertEquals(ImageDecodeException.Reason.CORRUPT, e.reason(), name);
            assertFalse(e.getMessage().contains("Exception"), "the decoder's words, not its class: " + e.getMessage());
        }
    }

    @Test
    void pngWithFlippedByteFailsCrc() throws IOException {
        byte[] d = Files.readAllBytes(SharedData.require("data/cyborg-gan-samples/000174.png"));
        d[d.length / 2] ^= 0x10;
        Path bad = Files.write(tmp.resolve("flipped.png"), d);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(bad));
        assertEquals(ImageDecodeException.Reason.CORRUPT, e.reason());
    }

    @Test
    void textRenamedToPngIsUnsupported() throws IOException {
        Path txt = Files.writeString(tmp.resolve("notes.png"), "id,label\n1,fake\n", StandardCharsets.UTF_8);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(txt));
        assertEquals(ImageDecodeException.Reason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.getMessage().contains("notes.png"), e.getMessage());
        assertTrue(e.getMessage().contains("looks like text"), e.getMessage());
        assertTrue(e.getMessage().contains("convert it to PNG"), e.getMessage());
        assertThrows(ImageDecodeException.class, () -> ImageFiles.readSize(txt));
    }

    @Test
    void missingAndEmptyFiles() throws IOException {
        Path missing = tmp.resolve("nope.jpg");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(missing));
        assertEquals(ImageDecodeException.Reason.NOT_READABLE, e.reason());
        assertTrue(e.getMessage().contains("nope.jpg") && e.getMessage().contains("not found"), e.getMessage());
        assertEquals(missing, e.file());
        assertThrows(ImageDecodeException.class, () -> ImageFiles.readSize(missing));
        Path empty = Files.createFile(tmp.resolve("empty.png"));
        assertEquals(ImageDecodeException.Reason.CORRUPT,
                assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(empty)).reason());
        assertEquals(ImageDecodeException.Reason.NOT_READABLE,
                assertThrows(ImageDecodeException.class, () -> ImageFiles.readRgb(tmp)).reason());
    }

    @Test
    void readSizeFromHeader() throws IOException {
        assertEquals(new ImageSize(224, 224), ImageFiles.readSize(SharedData.require("data/cyborg-gan-samples/000188.png")));
        assertEquals(new ImageSize(512, 512),
                ImageFiles.readSize(SharedData.require("data/public-domain-faces/grace_hopper_512x512.jpg")));
        assertEquals(new ImageSize(40, 30), ImageFiles.readSize(Golden.dir().resolve("formats/palette.gif")));
    }

    @Test
    void writePngRoundTripsAndLeavesNoTempFiles() throws IOException {
        byte[] px = new byte[5 * 3 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 17);
        }
        Path out = tmp.resolve("sub/img.png");
        ImageFiles.writePng(new RgbImage(5, 3, px), out);
        ImageFiles.writePng(new RgbImage(5, 3, px), out); // replaces
        assertArrayEquals(px, ImageFiles.readRgb(out).pixels());
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "temporary files left behind");
        }
    }

    private Path halfOf(Path source, String name) throws IOException {
        byte[] d = Files.readAllBytes(source);
        return Files.write(tmp.resolve(name), Arrays.copyOf(d, d.length / 2));
    }
}
