package cyborg.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/** Bad image files, made at test time: truncated, empty, mislabelled, over the pixel limit. */
final class BadImages {
    private static byte[] large;

    private BadImages() {}

    /** A JPEG cut in the middle of its scan data: headers intact, half the pixels missing. */
    static byte[] truncatedJpeg(int size) {
        byte[] jpeg = encode(gradient(size), "jpg");
        int scan = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                scan = i;
            }
        }
        return Arrays.copyOf(jpeg, scan + (jpeg.length - scan) / 2);
    }

    /** A PNG cut at half its length. */
    static byte[] truncatedPng(int size) {
        byte[] png = encode(gradient(size), "png");
        return Arrays.copyOf(png, png.length / 2);
    }

    /** A valid, highly compressible 12000 x 10000 black PNG: 120 megapixels, over the default limit of 100. */
    static synchronized byte[] overThePixelLimit() {
        if (large == null) {
            large = blackPng(12000, 10000);
        }
        return large;
    }

    static byte[] text() {
        return "split,class,relpath\nnot an image at all\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static BufferedImage gradient(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, (x * 255 / size) << 16 | (y * 255 / size) << 8 | ((x + y) * 97 % 256));
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the rows through the compressor so that the test never holds the pixels. */
    private static byte[] blackPng(int w, int h) {
        try {
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
                byte[] row = new byte[1 + 3 * w];
                for (int y = 0; y < h; y++) {
                    z.write(row);
                }
            }
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(w);
            d.writeInt(h);
            d.write(new byte[] {8, 2, 0, 0, 0});
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(png);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
