package cyborg.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Encodes {@link RgbImage} and {@link GrayImage} as 8-bit PNG, written atomically. The pixel
 * bytes are wrapped in a raster directly (no {@code getRGB}/{@code setRGB}), so no colour-space
 * conversion can alter the samples.
 */
final class PngWriter {
    static {
        // Encode in memory, not through ImageIO's temp-file cache: each cached stream registers a
        // shutdown hook, which throws once Ctrl-C or SIGTERM started the JVM's shutdown (a run then
        // failed writing its curves instead of stopping cleanly); small images gain nothing from it.
        ImageIO.setUseCache(false);
    }

    private PngWriter() {
    }

    static void write(RgbImage image, Path file) throws IOException {
        write(wrap(image.pixels(), image.width(), image.height(), 3), file);
    }

    static void write(GrayImage image, Path file) throws IOException {
        write(wrap(image.pixels(), image.width(), image.height(), 1), file);
    }

    static byte[] encode(RgbImage image) throws IOException {
        return encode(wrap(image.pixels(), image.width(), image.height(), 3));
    }

    static byte[] encode(GrayImage image) throws IOException {
        return encode(wrap(image.pixels(), image.width(), image.height(), 1));
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available in javax.imageio");
        }
        return out.toByteArray();
    }

    private static BufferedImage wrap(byte[] pixels, int w, int h, int bands) {
        int[] offsets = bands == 3 ? new int[] {0, 1, 2} : new int[] {0};
        WritableRaster raster = Raster.createInterleavedRaster(
                new DataBufferByte(pixels, pixels.length), w, h, w * bands, bands, offsets, null);
        ColorSpace cs = ColorSpace.getInstance(bands == 3 ? ColorSpace.CS_sRGB : ColorSpace.CS_GRAY);
        ComponentColorModel cm = new ComponentColorModel(cs, false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        return new BufferedImage(cm, raster, false, null);
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        cyborg.io.AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in javax.imageio");
            }
        });
    }
}
