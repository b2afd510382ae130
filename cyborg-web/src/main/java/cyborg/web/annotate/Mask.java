package cyborg.web.annotate;

import cyborg.image.ImageDecodeException;
import cyborg.image.ImageFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A binary saliency mask, row-major. Read from any image the decoder takes: a pixel is marked when
 * its brightest channel is at least 128, so white-on-black masks and coloured strokes on a
 * transparent canvas (transparent pixels decode black) both read as drawn. Written as an 8-bit gray
 * PNG of 0 and 255, the form {@code cyborg train --maps} reads.
 */
public record Mask(int width, int height, boolean[] bits) {
    private static final String DATA_URL = "data:image/png;base64,";

    public Mask {
        if ((long) width * height != bits.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " mask needs " + (long) width * height
                    + " values, got " + bits.length);
        }
    }

    /** Decodes an image file's bytes; {@code name} is what errors call it. */
    public static Mask decode(byte[] image, String name, long maxPixels) throws ImageDecodeException {
        var rgb = ImageFiles.decode(image, Path.of(name), maxPixels).rgb();
        byte[] p = rgb.pixels();
        boolean[] bits = new boolean[rgb.width() * rgb.height()];
        for (int i = 0; i < bits.length; i++) {
            int max = Math.max(p[3 * i] & 0xFF, Math.max(p[3 * i + 1] & 0xFF, p[3 * i + 2] & 0xFF));
            bits[i] = max >= 128;
        }
        return new Mask(rgb.width(), rgb.height(), bits);
    }

    /** The bytes of a {@code data:image/png;base64,...} URL (what a canvas's toDataURL gives). */
    public static byte[] dataUrlBytes(String url) {
        if (url == null || !url.startsWith(DATA_URL)) {
            throw new IllegalArgumentException("the mask must be a PNG data URL, 'data:image/png;base64,...'"
                    + " (canvas.toDataURL('image/png'))");
        }
        try {
            return Base64.getDecoder().decode(url.substring(DATA_URL.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the mask's base64 is damaged: " + e.getMessage());
        }
    }

    /** The mask as an 8-bit gray PNG, 0 or 255. */
    public byte[] png() {
        return grayPng(width, height, gray());
    }

    /** An 8-bit gray PNG of row-major values in 0..255. */
    public static byte[] grayPng(int width, int height, int[] values) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            raster[i] = (byte) values[i];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /** 0/255 values, for SSIM. */
    public int[] gray() {
        int[] g = new int[bits.length];
        for (int i = 0; i < bits.length; i++) {
            g[i] = bits[i] ? 255 : 0;
        }
        return g;
    }

    /** Marked pixels. */
    public int marked() {
        int n = 0;
        for (boolean b : bits) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * This mask at another size, nearest neighbour (a map saved at another size than its image still
     * marks the same regions); itself when the size is already that.
     */
    public Mask resized(int w, int h) {
        if (w == width && h == height) {
            return this;
        }
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(height - 1, (int) ((y + 0.5) * height / h));
            for (int x = 0; x < w; x++) {
                out[y * w + x] = bits[sy * width + Math.min(width - 1, (int) ((x + 0.5) * width / w))];
            }
        }
        return new Mask(w, h, out);
    }

    /** Intersection over union of the marked pixels; two empty masks agree fully (1). */
    public static double iou(Mask a, Mask b) {
        if (a.bits.length != b.bits.length) {
            throw new IllegalArgumentException("masks differ in size");
        }
        int both = 0;
        int either = 0;
        for (int i = 0; i < a.bits.length; i++) {
            both += a.bits[i] && b.bits[i] ? 1 : 0;
            either += a.bits[i] || b.bits[i] ? 1 : 0;
        }
        return either == 0 ? 1.0 : (double) both / either;
    }
}
